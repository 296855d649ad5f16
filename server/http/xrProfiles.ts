import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * WebXR input profiles (controller layouts and glTF models from @webxr-input-profiles/assets).
 * @react-three/xr fetches them from a CDN by default, which would hand every VR visitor's
 * address to a third party (and fails where there is no internet): the app serves them itself.
 */
export const XR_PROFILES_PATH = '/xr-profiles';

export function xrProfilesDir(): string {
  const require = createRequire(import.meta.url);
  // Its package.json names a main file it does not ship; the profiles are under dist/profiles.
  return path.join(path.dirname(require.resolve('@webxr-input-profiles/assets/package.json')), 'dist', 'profiles');
}
