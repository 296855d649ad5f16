import { CanvasTexture, SRGBColorSpace } from 'three';
import type { ContentOf } from '../../../shared/exhibits/exhibit.js';
import { fitTitle, SERIES_COLOURS, shortNumber, type ChartLayout } from './chartLayout.js';

/**
 * The chart's backboard as canvas text: title, legend, gridlines with their numbers, and the
 * row labels. Curator text is only ever drawn with fillText. Redrawn once the page's Inter
 * font has loaded, if it had not yet.
 */

const PX_WIDTH = 1024;
const FAMILY = 'Inter, system-ui, -apple-system, "Segoe UI", sans-serif';
const BOARD = '#2c3a44';

/** A label cut to `width` with an ellipsis (legend entries and row labels; never the title). */
function fitted(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let n = text.length;
  while (n > 1 && ctx.measureText(`${text.slice(0, n)}…`).width > width) n--;
  return `${text.slice(0, n)}…`;
}

/** The title as drawn: fitted by the canvas' own measurements (chartLayout.ts: fitTitle), never cut. */
function titleLines(ctx: CanvasRenderingContext2D, title: string, width: number, font: (metres: number) => string): { size: number; lines: string[] } {
  return fitTitle(title, width, (text, size) => {
    ctx.font = font(size);
    return ctx.measureText(text).width;
  });
}

function draw(canvas: HTMLCanvasElement, l: ChartLayout, c: ContentOf<'chart'>): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const k = canvas.width / l.width;
  const X = (x: number) => x * k;
  const Y = (y: number) => (l.height - y) * k;
  const font = (weight: number, metres: number) => `${weight} ${Math.round(metres * k)}px ${FAMILY}`;
  ctx.fillStyle = BOARD;
  ctx.fillRect(0, 0, canvas.width, canvas.height);

  ctx.fillStyle = '#f3f5f7';
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  const heading = titleLines(ctx, l.title, X(l.width - 0.12), (metres) => font(700, metres));
  ctx.font = font(700, heading.size);
  heading.lines.forEach((line, i) => ctx.fillText(line, X(0.06), Y(l.height - 0.1 - i * heading.size * 1.15)));
  const below = (heading.lines.length - 1) * heading.size * 1.15;

  if (l.legend) {
    ctx.font = font(400, 0.042);
    let x = 0.06;
    c.series.forEach((name, i) => {
      if (x > l.width - 0.2) return;
      ctx.fillStyle = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
      ctx.fillRect(X(x), Y(l.height - 0.155 - below), X(0.035), X(0.035));
      ctx.fillStyle = '#dfe6ea';
      const label = fitted(ctx, name, X(0.4));
      ctx.fillText(label, X(x + 0.05), Y(l.height - 0.188 - below));
      x += 0.05 + ctx.measureText(label).width / k + 0.06;
    });
  }

  ctx.font = font(400, 0.038);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of l.ticks) {
    const y = Y(l.y(t));
    ctx.strokeStyle = t === 0 ? 'rgba(255,255,255,0.6)' : 'rgba(255,255,255,0.16)';
    ctx.lineWidth = t === 0 ? 3 : 2;
    ctx.beginPath();
    ctx.moveTo(X(l.left), y);
    ctx.lineTo(X(l.right), y);
    ctx.stroke();
    ctx.fillStyle = '#b5bec8';
    ctx.fillText(shortNumber(t), X(l.left - 0.025), y);
  }

  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#dfe6ea';
  const every = Math.max(1, Math.ceil(0.09 / l.slot));
  c.rows.forEach((row, i) => {
    if (i % every !== 0) return;
    ctx.fillText(fitted(ctx, row.label, X(l.slot * every - 0.01)), X(l.x(i)), Y(l.bottom - 0.03));
  });
}

export function chartTexture(l: ChartLayout, c: ContentOf<'chart'>): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = PX_WIDTH;
  canvas.height = Math.round((PX_WIDTH * l.height) / l.width);
  draw(canvas, l, c);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  const fonts = document.fonts;
  if (fonts && !(fonts.check(`700 20px Inter`) && fonts.check(`400 20px Inter`))) {
    void Promise.all([fonts.load('700 20px Inter'), fonts.load('400 20px Inter')]).then(() => {
      draw(canvas, l, c);
      texture.needsUpdate = true;
    }, () => undefined);
  }
  return texture;
}
