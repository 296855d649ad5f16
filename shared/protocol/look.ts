import { z } from 'zod';

/**
 * How a person looks in every space: clothing colours, a skin tone, a hair or hat shape and its
 * colour, each an index into the palettes below (so a look is five small numbers, checked here
 * and packed into one uint32 on the Avatar schema). Kept for the account or the guest session.
 */
export const TOP_COLOURS = ['#d9473f', '#e98a2e', '#e8c547', '#5fa55a', '#2f8f83', '#3b7dd8', '#4b4fb4', '#8d5bc4', '#d45d9b', '#f2efe8', '#6b7280', '#27303d'] as const;
export const BOTTOM_COLOURS = ['#2d3645', '#3d5a80', '#5b4636', '#7c8a5c', '#a89f91', '#1f2226', '#7a2e3b', '#d6cfc2'] as const;
export const SKIN_TONES = ['#f6dcc8', '#eac3a2', '#d29f76', '#b07a4f', '#8a5a3a', '#5e3b27'] as const;
export const HAIR_COLOURS = ['#2a211c', '#5a3b24', '#9b6a3c', '#d8b56a', '#b5442f', '#cfcac2', '#2f6fb0', '#c53a6b'] as const;
/** 'cap' and 'beanie' are hats (drawn in the hair colour); 'none' is bald or shaved. */
export const HAIR_STYLES = ['short', 'long', 'bun', 'cap', 'beanie', 'none'] as const;
export type HairStyle = typeof HAIR_STYLES[number];

const index = (n: number) => z.number().int().min(0).max(n - 1);

export const AvatarLook = z.strictObject({
  top: index(TOP_COLOURS.length),
  bottom: index(BOTTOM_COLOURS.length),
  skin: index(SKIN_TONES.length),
  hair: index(HAIR_STYLES.length),
  hairColour: index(HAIR_COLOURS.length),
});
export type AvatarLook = z.infer<typeof AvatarLook>;

/** Set on every packed look, so 0 can mean "no look yet" (an older server, or the instant before it arrives). */
const PRESENT = 1 << 24;

/** Five 4-bit fields and a presence bit in one uint32 (the Avatar schema's `look`). */
export function packLook(look: AvatarLook): number {
  return (PRESENT | look.top | (look.bottom << 4) | (look.skin << 8) | (look.hair << 12) | (look.hairColour << 16)) >>> 0;
}

/** The look in a packed number, or undefined for 0 or anything out of range. */
export function unpackLook(packed: number): AvatarLook | undefined {
  if (!(packed & PRESENT)) return undefined;
  const parsed = AvatarLook.safeParse({
    top: packed & 15, bottom: (packed >> 4) & 15, skin: (packed >> 8) & 15, hair: (packed >> 12) & 15, hairColour: (packed >> 16) & 15,
  });
  return parsed.success ? parsed.data : undefined;
}

/** FNV-1a: a stable number from a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The look someone has before they choose one: drawn from their account or session id, so it is
 * the same at every door and on every device of that account.
 */
export function defaultLook(seed: string): AvatarLook {
  const h = hash(seed);
  const pick = (shift: number, n: number) => ((h >>> shift) & 0xff) % n;
  return {
    top: pick(0, TOP_COLOURS.length), bottom: pick(8, BOTTOM_COLOURS.length), skin: pick(16, SKIN_TONES.length),
    hair: pick(24, HAIR_STYLES.length), hairColour: (h >>> 4) % HAIR_COLOURS.length,
  };
}
