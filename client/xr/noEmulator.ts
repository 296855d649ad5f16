/**
 * Stands in for @pmndrs/xr's emulate.js (see vite.config.ts): the app creates its XR store with
 * `emulate: false`, so the library's built-in emulator (iwer's dev UI and synthetic rooms, which
 * would also fetch room data at run time) is never shipped. Browser tests install iwer themselves.
 */
export function emulate(): never {
  throw new Error('The WebXR emulator is not part of this build.');
}
