/**
 * How much the 3D view asks of the device: a pure function of what the browser says about it,
 * so the choice can be tested without a browser. Phones and small tablets (a finger for a
 * pointer, a small screen), machines with little memory and browsers that draw WebGL in
 * software (no usable graphics card: SwiftShader, llvmpipe) get the low tier; a visitor's own
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
  /** WebGL's renderer is a software rasteriser (see isSoftwareRenderer). */
  softwareRenderer?: boolean;
}

/** Why the automatic choice is the low tier (empty when it is high). */
export type LowTierReason = 'handheld' | 'little memory' | 'software rendering';

export interface GraphicsSettings {
  tier: GraphicsTier;
  /** Whether the tier was chosen automatically (no override). */
  automatic: boolean;
  /** Why the automatic tier is low on this device (also when the visitor overrides it). */
  because: LowTierReason[];
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

const SETTINGS: Record<GraphicsTier, Omit<GraphicsSettings, 'automatic' | 'tier' | 'because'>> = {
  // A phone's 3x screen would mean 9x the pixels of 1x; 1.25 keeps text legible at a fraction of that.
  low: { dpr: [1, 1.25], shadows: false, antialias: false, nameTags: 5 },
  high: { dpr: [1, 1.5], shadows: true, antialias: true, nameTags: 12 },
};

/**
 * WebGL renderer names of software rasterisers: Chromium's SwiftShader (also behind ANGLE),
 * Mesa's llvmpipe and softpipe, Windows' Basic Render Driver. Each frame is drawn by the CPU,
 * pixel by pixel: shadows, antialiasing and a high pixel ratio cost several times the frame rate.
 */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software rasterizer|basic render driver/i;

export function isSoftwareRenderer(renderer: string | undefined): boolean {
  return renderer !== undefined && SOFTWARE_RENDERER.test(renderer);
}

/** Why this device should have the low tier; none means the high one. */
export function lowTierReasons(hints: DeviceHints): LowTierReason[] {
  const reasons: LowTierReason[] = [];
  if (hints.coarsePointer === true && (hints.screenShortSide ?? Infinity) <= SMALL_SCREEN) reasons.push('handheld');
  if (hints.memoryGiB !== undefined && hints.memoryGiB < LITTLE_MEMORY_GIB) reasons.push('little memory');
  if (hints.softwareRenderer === true) reasons.push('software rendering');
  return reasons;
}

/** The tier the device gets when the visitor has not chosen one. */
export function detectTier(hints: DeviceHints): GraphicsTier {
  return lowTierReasons(hints).length > 0 ? 'low' : 'high';
}

/** The settings for the visitor's choice on this device. */
export function graphicsSettings(choice: GraphicsChoice, hints: DeviceHints): GraphicsSettings {
  const tier = choice === 'auto' ? detectTier(hints) : choice;
  const s = SETTINGS[tier];
  return {
    tier, automatic: choice === 'auto', because: lowTierReasons(hints),
    dpr: [s.dpr[0], s.dpr[1]], shadows: s.shadows, antialias: s.antialias, nameTags: s.nameTags,
  };
}

/** A stored choice, or 'auto' for anything else (a missing key, an old or tampered value). */
export function parseChoice(raw: string | null | undefined): GraphicsChoice {
  return raw === 'low' || raw === 'high' || raw === 'auto' ? raw : 'auto';
}
