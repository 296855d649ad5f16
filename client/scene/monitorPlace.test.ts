import { describe, expect, it } from 'vitest';
import { getSpace } from '../../shared/spaces/catalog.js';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { monitorPlace } from './monitorPlace.js';

/** The same hall turned a quarter (x, z) -> (z, -x): the stage then faces along x. */
function quarterTurn(layout: SpaceLayout): SpaceLayout {
  return {
    ...layout,
    boxes: layout.boxes.map((b) => ({ ...b, x: b.z, z: -b.x, w: b.d, d: b.w })),
    stage: layout.stage && { ...layout.stage, floorMic: { ...layout.stage.floorMic, x: layout.stage.floorMic.z, z: -layout.stage.floorMic.x } },
  };
}

/** Where the speaker behind the lectern looks (towards the floor mic, along the stage's axis) and her right hand. */
function speakerFrame(layout: SpaceLayout) {
  const stage = layout.boxes.find((b) => b.kind === 'stage')!;
  const lectern = layout.boxes.find((b) => b.kind === 'furniture' && Math.abs(b.x - stage.x) <= stage.w / 2 && Math.abs(b.z - stage.z) <= stage.d / 2)!;
  const mic = layout.stage!.floorMic;
  const alongZ = Math.abs(mic.z - stage.z) >= Math.abs(mic.x - stage.x);
  const forward = alongZ ? { x: 0, z: Math.sign(mic.z - stage.z) } : { x: Math.sign(mic.x - stage.x), z: 0 };
  // forward x up, with y up: (fx, 0, fz) x (0, 1, 0) = (-fz, 0, fx).
  const right = { x: -forward.z, z: forward.x };
  return { stage, lectern, forward, right };
}

describe('monitorPlace', () => {
  const townhall = getSpace('townhall')!;
  for (const [name, layout] of [['the town hall', townhall], ['the town hall turned a quarter', quarterTurn(townhall)]] as const) {
    it(`stands on ${name}'s stage at the front, on the speaker's right, facing her`, () => {
      const { stage, lectern, forward, right } = speakerFrame(layout);
      const place = monitorPlace(layout)!;
      const fromLectern = { x: place.x - lectern.x, z: place.z - lectern.z };
      // On her right, 1.2 m from the lectern's line (the page's left column covers her left).
      expect(fromLectern.x * right.x + fromLectern.z * right.z).toBeCloseTo(1.2, 6);
      // Between her and the audience, on the stage.
      expect(fromLectern.x * forward.x + fromLectern.z * forward.z).toBeGreaterThan(0);
      expect(Math.abs(place.x - stage.x)).toBeLessThan(stage.w / 2);
      expect(Math.abs(place.z - stage.z)).toBeLessThan(stage.d / 2);
      expect(place.y).toBe(stage.h);
      // Its face (the group's +z turned by rotationY) looks back at the stage, away from the audience.
      const face = { x: Math.sin(place.rotationY), z: Math.cos(place.rotationY) };
      expect(face.x * forward.x + face.z * forward.z).toBeCloseTo(-1, 6);
    });
  }

  it('is not placed where there is no stage', () => {
    expect(monitorPlace(getSpace('plaza')!)).toBeUndefined();
  });
});
