import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import type { HustingsHall, HustingsTestHook } from '../client/testHookTypes.js';

export type { HustingsHall };

declare global {
  interface Window { __hustings?: HustingsTestHook }
}

/**
 * Warnings from @colyseus/schema's decoder (`definition mismatch`, `field not defined`, `refId
 * not found`): a client's copy of the room state no longer matches the server's. They come from
 * the pages and from the specs' own colyseus.js clients (in this process, often in beforeAll),
 * and fail the test that is running or the first one after.
 */
const stateDecodeWarnings: string[] = [];
const SCHEMA_WARNING = /^@colyseus\/schema/;
const consoleWarn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (SCHEMA_WARNING.test(String(args[0]))) stateDecodeWarnings.push(`this process: ${args.map(String).join(' ')}`);
  consoleWarn(...args);
};

/**
 * Every context in every test aborts requests to any origin but the app's own and records
 * them; Content-Security-Policy violations are recorded too. A test fails if either happened,
 * or if any client (a page or the spec's own) could not decode the room state it was sent.
 */
export const test = base.extend<{ foreignRequests: string[]; stateDecoding: void; newVisitor: (options?: VisitorOptions) => Promise<Visitor> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  stateDecoding: [async ({}, use) => {
    await use();
    expect(stateDecodeWarnings.splice(0), 'room state decoding warnings (a client out of step with the server)').toEqual([]);
  }, { auto: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern
  foreignRequests: async ({}, use) => {
    const list: string[] = [];
    await use(list);
    expect(list, 'requests to other origins (or CSP violations)').toEqual([]);
  },
  newVisitor: async ({ browser, baseURL, foreignRequests }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      const origin = new URL(options?.baseURL ?? baseURL!).origin;
      // `device`: a phone's viewport, touch and the like (e2e/phone.spec.ts).
      const context = await browser.newContext({ ...options?.device, baseURL: origin });
      contexts.push(context);
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
        foreignRequests.push(url);
        return route.abort('blockedbyclient');
      });
      const newPage = async () => {
        const page = await context.newPage();
        await page.addInitScript(() => {
          // Only blocked *addresses* matter here; 'eval' probes (zod, msgpackr feature detection) are not requests.
          document.addEventListener('securitypolicyviolation', (e) => /^(https?|wss?):/.test(e.blockedURI) && console.error(`CSP violation: ${e.blockedURI} (${e.violatedDirective}) at ${e.sourceFile}:${e.lineNumber}`));
        });
        page.on('console', (msg) => {
          if (msg.text().startsWith('CSP violation')) foreignRequests.push(msg.text());
          if (SCHEMA_WARNING.test(msg.text())) stateDecodeWarnings.push(`${page.url()}: ${msg.text()}`);
        });
        // WebSockets are not routed; check their origin too.
        page.on('websocket', (ws) => {
          const u = new URL(ws.url());
          if (u.host !== new URL(origin).host) foreignRequests.push(ws.url());
        });
        return page;
      };
      return { context, page: await newPage(), newPage };
    });
    for (const c of contexts) await c.close();
  },
});
export { expect };

export interface VisitorOptions {
  baseURL?: string;
  /** Context options describing the device (viewport, hasTouch, isMobile, deviceScaleFactor). */
  device?: Pick<BrowserContextOptions, 'viewport' | 'hasTouch' | 'isMobile' | 'deviceScaleFactor' | 'userAgent' | 'screen'>;
}

/** A browser context of its own (cookies, storage), its first tab, and a way to open another tab in it with the same checks. */
export interface Visitor {
  context: BrowserContext;
  page: Page;
  newPage: () => Promise<Page>;
}

/** Open a space, type a display name and press Enter, then wait until the world is ready. */
export async function enter(page: Page, name: string, path = '/s/plaza'): Promise<void> {
  await page.goto(path);
  const field = page.getByLabel('Display name');
  await field.fill(name);
  await field.press('Enter');
  await waitReady(page);
}

/**
 * Until the world has drawn a frame with our avatar in it. Generous: with three other software-
 * rendered worlds open, a new page's first frames wait on the one GPU process they all share
 * (a trace showed its main thread blocked in WebGL for a minute on a slow day).
 */
export async function waitReady(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.__hustings?.ready === true), { timeout: 120_000 }).toBe(true);
}

/**
 * Read the test hook: `fn` runs in the page with the hook as its argument. It is sent as source
 * text, so it must not capture variables from the test (pass those with page.evaluate instead).
 * (Named `hook` but declared as a function so its type parameter survives.)
 */
export async function hook<T>(page: Page, fn: (h: HustingsTestHook) => T): Promise<T> {
  // Evaluating a function on a handle runs it without eval, so the page's CSP stays strict.
  const handle = await page.evaluateHandle(() => window.__hustings!);
  try {
    return await handle.evaluate(fn);
  } finally {
    await handle.dispose();
  }
}

/** Until the page has drawn `n` more frames (a change of state has reached the 3D view): for screenshots. */
export async function framesDrawn(page: Page, n: number): Promise<void> {
  const from = await hook(page, (h) => h.renderInfo().frame);
  await expect.poll(() => hook(page, (h) => h.renderInfo().frame), { timeout: 60_000 }).toBeGreaterThan(from + n);
}

/** How far the server has this visitor's avatar from `from` (for expect.poll while walking). */
export async function distanceFrom(page: Page, from: { x: number; z: number }): Promise<number> {
  const now = await hook(page, (h) => h.self());
  return now ? Math.hypot(now.x - from.x, now.z - from.z) : Infinity;
}

/**
 * Decodes a PNG in the page and measures it: the standard deviation of its luminance (a blank or
 * single-colour image is near 0), and the share of pixels within `tolerance` (per channel) of an
 * sRGB colour.
 */
async function pixelStats(page: Page, png: Buffer, rgb: [number, number, number] = [0, 0, 0], tolerance = 24): Promise<{ deviation: number; share: number }> {
  return page.evaluate(async ({ b64, rgb, tolerance }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const n = d.length / 4;
    let sum = 0;
    let sq = 0;
    let near = 0;
    for (let i = 0; i < d.length; i += 4) {
      const l = 0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!;
      sum += l;
      sq += l * l;
      if (Math.abs(d[i]! - rgb[0]) <= tolerance && Math.abs(d[i + 1]! - rgb[1]) <= tolerance && Math.abs(d[i + 2]! - rgb[2]) <= tolerance) near++;
    }
    const mean = sum / n;
    return { deviation: Math.sqrt(sq / n - mean * mean), share: near / n };
  }, { b64: png.toString('base64'), rgb, tolerance });
}

/** Standard deviation of the page's pixels: a blank or single-colour canvas is near 0. */
export async function screenshotVariance(page: Page): Promise<number> {
  return (await pixelStats(page, await page.screenshot())).deviation;
}

/** The share of a PNG's pixels near an sRGB colour: e.g. how much of a name tag is the role badge's colour. */
export async function colourShare(page: Page, png: Buffer, rgb: [number, number, number], tolerance = 24): Promise<number> {
  return (await pixelStats(page, png, rgb, tolerance)).share;
}

/**
 * Holds a movement key (as a person walks) until `arrived` says so, then lets go. Polls often,
 * so the avatar stops close to where it should.
 */
export async function holdKeyUntil(page: Page, key: string, arrived: () => Promise<boolean>, message: string, timeout = 30_000): Promise<void> {
  await page.keyboard.down(key);
  try {
    await expect.poll(arrived, { message, timeout, intervals: [50] }).toBe(true);
  } finally {
    await page.keyboard.up(key);
  }
}

/** Click a world point (projected through the page's camera) once it is in view and not under an overlay. */
export async function clickWorld(page: Page, x: number, y: number, z: number): Promise<void> {
  let at: { x: number; y: number } | undefined;
  await expect.poll(async () => {
    at = await page.evaluate((p) => {
      const s = window.__hustings!.project(p.x, p.y, p.z);
      return s && document.elementFromPoint(s.x, s.y)?.tagName === 'CANVAS' ? s : undefined;
    }, { x, y, z });
    return at !== undefined;
  }, { message: `(${x}, ${y}, ${z}) is on the canvas, not under an overlay` }).toBe(true);
  await page.mouse.click(at!.x, at!.y);
}

/**
 * The space header's controls (buttons, links) that something else covers at their centre, as
 * "label (under .class)": [] when every one can be clicked where it is drawn.
 */
export function coveredHeaderControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const covered: string[] = [];
    for (const control of Array.from(document.querySelectorAll<HTMLElement>('.header button, .header a'))) {
      const r = control.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      if (!top || !control.contains(top)) covered.push(`${control.textContent?.trim()} (under .${top?.className || top?.tagName})`);
    }
    return covered;
  });
}
