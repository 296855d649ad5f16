/**
 * How much the 3D view asks of the device: a pure function of what the browser says about it,
 * so the choice can be tested without a browser. Phones and small tablets (a finger for a
 * pointer, a small screen) and machines with little memory get the low tier; a visitor's own
 * choice ('low' or 'high') always wins over the automatic one. (Core counts are not used: they
 * say little about the GPU, and desktops keep the look they have.)
 */

export type GraphicsTier = 'low' | 'high';
export type GraphicsChoice = 'auto' | GraphicsTier;

export const GRAPHICS_CHOICES: readonly GraphicsChoice[] = ['auto', 'low', 'high'];

/** What the browser tells us about the device (all optional: browsers differ in what they expose). */
export interface DeviceHints {
  /** `matchMedia('(pointer: coarse)')`: the primary pointer is a finger. */
  coarsePointer?: boolean;
  /** The screen's shorter side, CSS pixels. */
  screenShortSide?: number;
  /** `navigator.deviceMemory` (Chromium only), GiB. */
  memoryGiB?: number;
}

export interface GraphicsSettings {
  tier: GraphicsTier;
  /** Whether the tier was chosen automatically (no override). */
  automatic: boolean;
  /** Device pixel ratio range for the canvas: [min, max]. */
  dpr: [number, number];
  shadows: boolean;
  antialias: boolean;
  /** How many name tags are drawn at once (the nearest people). */
  nameTags: number;
}

/** A screen whose shorter side is at most this is a phone or a small tablet (CSS px). */
const SMALL_SCREEN = 820;
const LITTLE_MEMORY_GIB = 4;

const SETTINGS: Record<GraphicsTier, Omit<GraphicsSettings, 'automatic' | 'tier'>> = {
  // A phone's 3x screen would mean 9x the pixels of 1x; 1.25 keeps text legible at a fraction of that.
  low: { dpr: [1, 1.25], shadows: false, antialias: false, nameTags: 5 },
  high: { dpr: [1, 1.5], shadows: true, antialias: true, nameTags: 12 },
};

/** The tier the device gets when the visitor has not chosen one. */
export function detectTier(hints: DeviceHints): GraphicsTier {
  const handheld = hints.coarsePointer === true && (hints.screenShortSide ?? Infinity) <= SMALL_SCREEN;
  const weak = hints.memoryGiB !== undefined && hints.memoryGiB < LITTLE_MEMORY_GIB;
  return handheld || weak ? 'low' : 'high';
}

/** The settings for the visitor's choice on this device. */
export function graphicsSettings(choice: GraphicsChoice, hints: DeviceHints): GraphicsSettings {
  const tier = choice === 'auto' ? detectTier(hints) : choice;
  const s = SETTINGS[tier];
  return { tier, automatic: choice === 'auto', dpr: [s.dpr[0], s.dpr[1]], shadows: s.shadows, antialias: s.antialias, nameTags: s.nameTags };
}

/** A stored choice, or 'auto' for anything else (a missing key, an old or tampered value). */
export function parseChoice(raw: string | null | undefined): GraphicsChoice {
  return raw === 'low' || raw === 'high' || raw === 'auto' ? raw : 'auto';
}
