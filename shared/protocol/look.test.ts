import { describe, expect, it } from 'vitest';
import { AvatarLook, defaultLook, HAIR_STYLES, packLook, SKIN_TONES, TOP_COLOURS, unpackLook } from './look.js';

describe('looks', () => {
  it('packs into one number and back, for every value of every field', () => {
    for (let top = 0; top < TOP_COLOURS.length; top++) {
      for (let skin = 0; skin < SKIN_TONES.length; skin++) {
        for (let hair = 0; hair < HAIR_STYLES.length; hair++) {
          const look = { top, bottom: (top + 3) % 8, skin, hair, hairColour: (hair + skin) % 8 };
          const packed = packLook(look);
          expect(packed).toBeGreaterThan(0);
          expect(packed).toBeLessThan(2 ** 32);
          expect(unpackLook(packed)).toEqual(look);
        }
      }
    }
  });

  it('reads 0 (no look yet) and out-of-range fields as no look', () => {
    expect(unpackLook(0)).toBeUndefined();
    expect(unpackLook((1 << 24) | 15)).toBeUndefined(); // top 15: not a colour
  });

  it('refuses looks off the palettes', () => {
    expect(AvatarLook.safeParse({ top: TOP_COLOURS.length, bottom: 0, skin: 0, hair: 0, hairColour: 0 }).success).toBe(false);
    expect(AvatarLook.safeParse({ top: 0.5, bottom: 0, skin: 0, hair: 0, hairColour: 0 }).success).toBe(false);
    expect(AvatarLook.safeParse({ top: 0, bottom: 0, skin: 0, hair: 0, hairColour: 0, extra: 1 }).success).toBe(false);
  });

  it('makes the same default look from the same id, and varied ones from different ids', () => {
    expect(defaultLook('account-1')).toEqual(defaultLook('account-1'));
    const looks = new Set(Array.from({ length: 50 }, (_, i) => packLook(defaultLook(`guest-${i}`))));
    expect(looks.size).toBeGreaterThan(40);
    for (let i = 0; i < 50; i++) expect(AvatarLook.safeParse(defaultLook(`guest-${i}`)).success).toBe(true);
  });
});
