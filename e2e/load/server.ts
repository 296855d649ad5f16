import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A server the load tool started as a child process (or none, with --url). */
export interface LoadServer {
  url: string;
  child: ChildProcess | undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts `server/index.ts` on a free port with this data directory and waits for /healthz. */
export async function startServer(dataDir: string, maxClients: number): Promise<LoadServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', VOICE: process.env.VOICE ?? 'off', MAX_CLIENTS_PER_SPACE: String(maxClients), DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const http = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${http}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('the server did not answer /healthz within 30 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: `ws://127.0.0.1:${port}`, child };
}

/** Stops a server we started and waits for it to exit (SIGKILL after 10 s). */
export async function stopServer(server: LoadServer): Promise<void> {
  const child = server.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Creates an admin account in a data directory with the admin CLI, as an operator would
 * (`npm run admin -- create`); an admin may do everything a host or moderator may.
 */
export async function createAdmin(dataDir: string, account: { email: string; password: string; name: string }): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', 'create', '--email', account.email, '--name', account.name], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', HUSTINGS_ADMIN_PASSWORD: account.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the admin CLI failed (exit ${code}): ${output.trim()}`);
}
