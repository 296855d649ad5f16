import { create } from 'zustand';
import { graphicsSettings, isSoftwareRenderer, parseChoice, type DeviceHints, type GraphicsChoice, type GraphicsSettings } from './graphicsTier.js';

/**
 * The graphics tier in effect: chosen automatically from the device, or the visitor's own
 * choice, kept in localStorage so it survives reloads (per browser, not per account).
 */

const CHOICE_KEY = 'hustings:graphics';
const RENDERER_KEY = 'hustings:renderer';

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback; // storage disabled (private modes, some embedded browsers)
  }
}

/**
 * The name of the GPU (or software rasteriser) WebGL draws with, from a throw-away context
 * released at once (54-571 ms measured on SwiftShader, the most when it also starts the GPU
 * process, which the world's own context then finds running). Browsers that hide it give a
 * generic name, which matches nothing. Remembered in this browser until its version changes, so
 * only a first visit pays.
 */
function webglRenderer(): string | undefined {
  const ua = navigator.userAgent;
  const known = safely(() => JSON.parse(localStorage.getItem(RENDERER_KEY) ?? 'null') as { ua?: unknown; renderer?: unknown } | null, null);
  if (known?.ua === ua && typeof known.renderer === 'string') return known.renderer;
  const name = safely(() => {
    const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
    if (!gl) return undefined;
    // Firefox gives the real name as RENDERER; Chromium and Safari only through this extension.
    const info = /firefox/i.test(ua) ? null : gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  }, undefined);
  if (name !== undefined) safely(() => localStorage.setItem(RENDERER_KEY, JSON.stringify({ ua, renderer: name })), undefined);
  return name;
}

/** What this browser says about its device, read once. */
export function deviceHints(): DeviceHints {
  if (typeof window === 'undefined') return {};
  const nav = navigator as Navigator & { deviceMemory?: number };
  return {
    coarsePointer: window.matchMedia?.('(pointer: coarse)').matches ?? false,
    screenShortSide: Math.min(window.screen.width, window.screen.height),
    memoryGiB: nav.deviceMemory,
    softwareRenderer: isSoftwareRenderer(webglRenderer()),
  };
}

export interface GraphicsState {
  choice: GraphicsChoice;
  settings: GraphicsSettings;
}

const hints = deviceHints();
const initialChoice = parseChoice(safely(() => localStorage.getItem(CHOICE_KEY), null));

export const useGraphics = create<GraphicsState>(() => ({
  choice: initialChoice,
  settings: graphicsSettings(initialChoice, hints),
}));

/**
 * The page's panels follow the tier too (styles.css, `:root[data-graphics='low']`): a blur and a
 * soft shadow behind a panel over the moving 3D view are drawn again for every frame, which on
 * a phone or in software rendering costs about as much as the scene itself.
 */
function markDocument(tier: GraphicsSettings['tier']): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.graphics = tier;
}
markDocument(useGraphics.getState().settings.tier);
useGraphics.subscribe((s) => markDocument(s.settings.tier));

/** The visitor picks a tier (or 'auto' again); remembered for next time. */
export function chooseGraphics(choice: GraphicsChoice): void {
  safely(() => {
    if (choice === 'auto') localStorage.removeItem(CHOICE_KEY);
    else localStorage.setItem(CHOICE_KEY, choice);
  }, undefined);
  useGraphics.setState({ choice, settings: graphicsSettings(choice, hints) });
}

/** The tier 'auto' picks on this device (to say so beside the choice). */
export function automaticTier(): GraphicsSettings['tier'] {
  return graphicsSettings('auto', hints).tier;
}
