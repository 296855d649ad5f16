import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PRESS_MS, rayPressHandlers, type RayPressEvent } from './rayPress.js';

/** Node has Event but no MouseEvent: the browser's mouse (and touch, as PointerEvent) descends from it. */
class FakeMouseEvent extends Event {}

beforeAll(() => {
  vi.stubGlobal('MouseEvent', FakeMouseEvent);
});
afterAll(() => {
  vi.unstubAllGlobals();
});

/** An event from an XR ray (not a MouseEvent) or from the mouse, with the given pointer. */
function ev(pointerId: number, kind: 'ray' | 'mouse' = 'ray'): RayPressEvent & { stopped: boolean } {
  const e = {
    pointerId,
    nativeEvent: kind === 'ray' ? new Event('pointerdown') : new FakeMouseEvent('pointerdown'),
    stopped: false,
    stopPropagation() {
      e.stopped = true;
    },
  };
  return e;
}

function setup() {
  let t = 0;
  const press = vi.fn();
  const h = rayPressHandlers(press, () => t);
  return { h, press, advance: (ms: number) => (t += ms) };
}

describe('a ray press', () => {
  it('is down then up from the same ray, and acts once', () => {
    const { h, press, advance } = setup();
    const down = ev(1);
    h.onPointerDown(down);
    advance(250);
    const up = ev(1);
    h.onPointerUp(up);
    expect(press).toHaveBeenCalledTimes(1);
    expect(down.stopped && up.stopped).toBe(true);
    // The up is used up: a second one without a new down does nothing.
    h.onPointerUp(ev(1));
    expect(press).toHaveBeenCalledTimes(1);
  });

  it('is not an up without a down, nor an up from the other controller', () => {
    const { h, press } = setup();
    h.onPointerUp(ev(1));
    h.onPointerDown(ev(1));
    h.onPointerUp(ev(2));
    expect(press).not.toHaveBeenCalled();
  });

  it('is a hold, not a press, after PRESS_MS', () => {
    const { h, press, advance } = setup();
    h.onPointerDown(ev(1));
    advance(PRESS_MS + 1);
    h.onPointerUp(ev(1));
    expect(press).not.toHaveBeenCalled();
    h.onPointerDown(ev(1));
    advance(PRESS_MS);
    h.onPointerUp(ev(1));
    expect(press).toHaveBeenCalledTimes(1);
  });

  it('leaves the mouse and touch to their own click, without stopping their events', () => {
    const { h, press } = setup();
    const down = ev(1, 'mouse');
    h.onPointerDown(down);
    h.onPointerUp(ev(1, 'mouse'));
    expect(press).not.toHaveBeenCalled();
    expect(down.stopped).toBe(false);
    // A mouse up does not complete (or spoil) a ray's pending press.
    h.onPointerDown(ev(1));
    h.onPointerUp(ev(1, 'mouse'));
    h.onPointerUp(ev(1));
    expect(press).toHaveBeenCalledTimes(1);
  });
});
