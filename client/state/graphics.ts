import { create } from 'zustand';
import { graphicsSettings, parseChoice, type DeviceHints, type GraphicsChoice, type GraphicsSettings } from './graphicsTier.js';

/**
 * The graphics tier in effect: chosen automatically from the device, or the visitor's own
 * choice, kept in localStorage so it survives reloads (per browser, not per account).
 */

const CHOICE_KEY = 'hustings:graphics';

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback; // storage disabled (private modes, some embedded browsers)
  }
}

/** What this browser says about its device, read once. */
export function deviceHints(): DeviceHints {
  if (typeof window === 'undefined') return {};
  const nav = navigator as Navigator & { deviceMemory?: number };
  return {
    coarsePointer: window.matchMedia?.('(pointer: coarse)').matches ?? false,
    screenShortSide: Math.min(window.screen.width, window.screen.height),
    memoryGiB: nav.deviceMemory,
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
