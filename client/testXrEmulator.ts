/**
 * Test builds only (main.tsx imports this when import.meta.env.MODE === 'test'): when a browser
 * test asks for it (window.__hustingsEmulateXR, set by an init script), install iwer's emulated
 * Meta Quest 3 as navigator.xr, replacing Chromium's own (which offers no headset), and expose
 * the device so the test can move the head, aim the controllers and push the sticks.
 */
declare global {
  interface Window {
    __hustingsEmulateXR?: boolean;
    __hustingsXR?: unknown;
  }
}

export async function installXrEmulator(): Promise<void> {
  if (!window.__hustingsEmulateXR) return;
  const { XRDevice, metaQuest3 } = await import('iwer');
  const device = new XRDevice(metaQuest3);
  device.installRuntime({ forceInstall: true });
  Object.defineProperty(window, '__hustingsXR', { value: device, configurable: false, writable: false });
}
