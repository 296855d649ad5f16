import { CanvasTexture, NoColorSpace } from 'three';
import type { Reaction } from '../../shared/protocol/townhall.js';
import { ICON_COLOUR, ICON_INK } from '../reactionLook.js';

/**
 * Small round icons drawn on one canvas (no emoji fonts, nothing fetched): a raised hand and
 * the four reactions. Cells are laid out ICON_COLUMNS x ICON_ROWS; `ICON` names each cell.
 */
export const ICON_COLUMNS = 4;
export const ICON_ROWS = 2;
const CELL = 128;

export const ICON = { hand: 0, applause: 1, agree: 2, disagree: 3, laugh: 4 } as const satisfies Record<Reaction | 'hand', number>;

const INK = ICON_INK;

function disc(g: CanvasRenderingContext2D, colour: string): void {
  g.beginPath();
  g.arc(0, 0, 54, 0, Math.PI * 2);
  g.fillStyle = colour;
  g.fill();
  g.lineWidth = 7;
  g.strokeStyle = '#ffffff';
  g.stroke();
}

function hand(g: CanvasRenderingContext2D): void {
  g.fillStyle = INK;
  // Four fingers, the palm, and a thumb out to the side.
  const fingers: [number, number][] = [[-20, -34], [-7, -40], [6, -38], [19, -30]];
  for (const [x, top] of fingers) {
    g.beginPath();
    g.roundRect(x - 5.5, top, 11, 40, 5.5);
    g.fill();
  }
  g.beginPath();
  g.roundRect(-26, -4, 50, 38, 12);
  g.fill();
  g.save();
  g.translate(-24, 10);
  g.rotate(-0.8);
  g.beginPath();
  g.roundRect(-6, -26, 12, 30, 6);
  g.fill();
  g.restore();
}

function applause(g: CanvasRenderingContext2D): void {
  // A star with a few rays: "bravo".
  g.fillStyle = INK;
  g.beginPath();
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 26 : 11;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    g.lineTo(Math.cos(a) * r, Math.sin(a) * r + 4);
  }
  g.closePath();
  g.fill();
  g.strokeStyle = INK;
  g.lineWidth = 6;
  g.lineCap = 'round';
  for (const a of [-2.4, -1.57, -0.74]) {
    g.beginPath();
    g.moveTo(Math.cos(a) * 33, Math.sin(a) * 33 + 2);
    g.lineTo(Math.cos(a) * 43, Math.sin(a) * 43 + 2);
    g.stroke();
  }
}

function agree(g: CanvasRenderingContext2D): void {
  g.strokeStyle = INK;
  g.lineWidth = 12;
  g.lineCap = 'round';
  g.lineJoin = 'round';
  g.beginPath();
  g.moveTo(-24, 2);
  g.lineTo(-7, 20);
  g.lineTo(25, -18);
  g.stroke();
}

function disagree(g: CanvasRenderingContext2D): void {
  g.strokeStyle = INK;
  g.lineWidth = 12;
  g.lineCap = 'round';
  g.beginPath();
  g.moveTo(-20, -20);
  g.lineTo(20, 20);
  g.moveTo(20, -20);
  g.lineTo(-20, 20);
  g.stroke();
}

function laugh(g: CanvasRenderingContext2D): void {
  g.strokeStyle = INK;
  g.fillStyle = INK;
  g.lineWidth = 7;
  g.lineCap = 'round';
  // Eyes screwed shut with laughter, and a wide open mouth.
  for (const x of [-17, 17]) {
    g.beginPath();
    g.arc(x, -8, 9, Math.PI * 1.1, Math.PI * 1.9);
    g.stroke();
  }
  g.beginPath();
  g.moveTo(-26, 6);
  g.lineTo(26, 6);
  g.arc(0, 6, 26, 0, Math.PI);
  g.closePath();
  g.fill();
}

const DRAW: Record<keyof typeof ICON, (g: CanvasRenderingContext2D) => void> = { hand, applause, agree, disagree, laugh };

let atlas: CanvasTexture | null = null;

/** The shared icon texture (drawn once). Colours are stored as drawn: shaders output them unchanged. */
export function iconAtlas(): CanvasTexture {
  if (atlas) return atlas;
  const canvas = document.createElement('canvas');
  canvas.width = CELL * ICON_COLUMNS;
  canvas.height = CELL * ICON_ROWS;
  const g = canvas.getContext('2d');
  if (g) {
    for (const name of Object.keys(ICON) as (keyof typeof ICON)[]) {
      const i = ICON[name];
      g.save();
      g.translate((i % ICON_COLUMNS) * CELL + CELL / 2, Math.floor(i / ICON_COLUMNS) * CELL + CELL / 2);
      disc(g, ICON_COLOUR[name]);
      DRAW[name](g);
      g.restore();
    }
  }
  atlas = new CanvasTexture(canvas);
  atlas.colorSpace = NoColorSpace;
  return atlas;
}
