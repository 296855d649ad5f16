import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repo = path.dirname(fileURLToPath(import.meta.url));
const server = 'http://127.0.0.1:8080';

/**
 * The Vite root is client/, but output paths given on the command line (`--outDir dist/client-test`,
 * as in `npm run build:test`) are meant relative to the repository, where the command runs.
 */
function outDirFromRepo(): Plugin {
  return {
    name: 'hustings:out-dir-from-repo',
    config(config) {
      const outDir = config.build?.outDir;
      if (outDir && !path.isAbsolute(outDir)) return { build: { outDir: path.resolve(repo, outDir) } };
      return undefined;
    },
  };
}

/**
 * VR: @pmndrs/xr loads its emulator (iwer's dev UI and synthetic environments) with a dynamic
 * import even when the store says `emulate: false`, as ours does; point that import at a stub so
 * none of it is bundled. Test builds install iwer themselves (client/testXrEmulator.ts).
 */
function noXrEmulator(): Plugin {
  const stub = path.resolve(repo, 'client/xr/noEmulator.ts');
  return {
    name: 'hustings:no-xr-emulator',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './emulate.js' && importer && /@pmndrs[\\/]xr[\\/]dist[\\/]store\.js$/.test(importer)) return stub;
      return null;
    },
  };
}

export default defineConfig(({ mode }) => ({
  root: path.resolve(repo, 'client'),
  publicDir: path.resolve(repo, 'client/public'),
  plugins: [react(), outDirFromRepo(), noXrEmulator()],
  resolve: { dedupe: ['three', 'react', 'react-dom'] },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: mode === 'test',
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      // The embedded LiveKit's signalling, proxied by the server (before the room-socket pattern, which would match it).
      '/livekit': { target: server, ws: true, changeOrigin: true },
      // The server reserves seats only for its own origin (or PUBLIC_URL's): the dev page's origin is the proxy's.
      '/matchmake': { target: server, changeOrigin: true, headers: { origin: server } },
      '/api': { target: server, changeOrigin: true },
      // Colyseus room sockets: /<processId>/<roomId>?sessionId=… (not /s/<space>, the app's own routes).
      '^/(?!s/)[\\w-]+/[\\w-]+(\\?.*)?$': { target: server, ws: true, changeOrigin: true },
      '/metrics': { target: server },
      '/healthz': { target: server },
    },
  },
}));
