import type { Color } from 'three';

/** Body colour from the server's colour index: golden-angle hues, so neighbours differ. */
export function avatarColor(target: Color, hue: number, connected: boolean): Color {
  if (!connected) return target.setRGB(0.55, 0.56, 0.58);
  const h = ((hue * 137.508) % 360) / 360;
  return target.setHSL(h, 0.55, 0.55);
}

/** Height of the walking bob at time t (seconds). */
export function bobHeight(gait: number, t: number, phase: number): number {
  if (gait <= 0) return 0;
  const rate = gait >= 2 ? 15 : 10;
  return Math.abs(Math.sin(t * rate + phase)) * (gait >= 2 ? 0.08 : 0.05);
}
