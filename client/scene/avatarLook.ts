import { Color } from 'three';
import {
  BOTTOM_COLOURS, HAIR_COLOURS, HAIR_STYLES, SKIN_TONES, TOP_COLOURS, unpackLook, type AvatarLook, type HairStyle,
} from '../../shared/protocol/look.js';

/** The colours one person's parts are drawn in this frame, and their hair or hat shape. */
export interface LookColours { top: Color; bottom: Color; skin: Color; hair: Color; style: HairStyle }

export function newLookColours(): LookColours {
  return { top: new Color(), bottom: new Color(), skin: new Color(), hair: new Color(), style: 'short' };
}

const palette = (hexes: readonly string[]) => hexes.map((h) => new Color(h));
const TOPS = palette(TOP_COLOURS);
const BOTTOMS = palette(BOTTOM_COLOURS);
const SKINS = palette(SKIN_TONES);
const HAIRS = palette(HAIR_COLOURS);
const AWAY = new Color(0.55, 0.56, 0.58);

/** Before the server sends a look (an older server), one is made from the colour index. */
function fromHue(hue: number): AvatarLook {
  return { top: hue % TOPS.length, bottom: hue % BOTTOMS.length, skin: hue % SKINS.length, hair: hue % HAIR_STYLES.length, hairColour: hue % HAIRS.length };
}

/**
 * Fills `target` with a person's colours from their packed look. Someone whose connection dropped
 * (the server holds their place) is drawn grey, their skin and hair faded towards grey.
 */
export function lookColours(target: LookColours, packed: number, hue: number, connected: boolean): LookColours {
  const look = unpackLook(packed) ?? fromHue(hue);
  target.style = HAIR_STYLES[look.hair] ?? 'short';
  target.top.copy(TOPS[look.top]!);
  target.bottom.copy(BOTTOMS[look.bottom]!);
  target.skin.copy(SKINS[look.skin]!);
  target.hair.copy(HAIRS[look.hairColour]!);
  if (!connected) {
    target.top.copy(AWAY);
    target.bottom.copy(AWAY).multiplyScalar(0.8);
    target.skin.lerp(AWAY, 0.7);
    target.hair.lerp(AWAY, 0.7);
  }
  return target;
}
