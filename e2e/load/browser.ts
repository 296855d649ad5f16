import { chromium, type Browser, type Page } from '@playwright/test';

/** Headless Debian Chromium drawing WebGL on SwiftShader (this machine has no GPU). */
export function launchSoftwareChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  });
}

/**
 * The graphics tier the benchmark's pages draw with: `high` unless BENCH_GRAPHICS says `low` or
 * `auto`. The figures in README were taken on the high tier (what a desktop with a graphics card
 * gets); SwiftShader alone would choose the low tier by itself (client/state/graphicsTier.ts).
 */
export async function pinGraphics(page: Page): Promise<string> {
  const choice = process.env.BENCH_GRAPHICS ?? 'high';
  if (!['auto', 'low', 'high'].includes(choice)) throw new Error(`BENCH_GRAPHICS must be auto, low or high, not ${choice}`);
  await page.addInitScript((c) => localStorage.setItem('hustings:graphics', c), choice);
  return choice;
}

/** Frame-to-frame times (ms) for `seconds`. A script string: tsx's helpers do not exist in the page. */
export function sampleFrames(page: Page, seconds: number): Promise<number[]> {
  return page.evaluate<number[]>(`new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    const end = last + ${seconds} * 1000;
    requestAnimationFrame(function step(t) {
      deltas.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(step);
      else resolve(deltas.slice(1));
    });
  })`);
}
