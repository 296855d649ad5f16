import { describe, expect, it } from 'vitest';
import { AVATAR_RADIUS } from '../../shared/constants.js';
import { SPACES } from '../../shared/spaces/catalog.js';
import { isFree } from '../../shared/spaces/collision.js';
import { holdsStill, SeatPlan, standSpot } from './seats.js';

describe('standing up', () => {
  it('puts someone from any seat of the town hall on a free spot in their row, facing the same way', () => {
    const layout = SPACES.get('townhall')!;
    expect(layout.seats.length).toBeGreaterThan(0);
    for (const [i, seat] of layout.seats.entries()) {
      const spot = standSpot(layout, seat);
      expect(isFree(spot, AVATAR_RADIUS, layout), `seat ${i}`).toBe(true);
      expect(spot.z, `seat ${i}`).toBe(seat.z);
      expect(spot.yaw).toBe(seat.yaw);
    }
  });

  it('falls back to the first spawn when the row has no free spot', () => {
    const layout = SPACES.get('townhall')!;
    const walled = { ...layout, boxes: [...layout.boxes, { x: 0, z: 0, w: 100, d: 2, h: 1, kind: 'wall' as const, solid: true }] };
    const spawn = layout.spawns[0]!;
    expect(standSpot(walled, { x: 2, z: 0, yaw: 0, y: 0 })).toEqual({ x: spawn.x, z: spawn.z, yaw: spawn.yaw });
  });
});

describe('seats in a hall', () => {
  const layout = SPACES.get('townhall')!;
  it('one person a seat; sitting elsewhere frees the old one; never while at the mic', () => {
    const plan = new SeatPlan(layout);
    const ann = { seat: -1, atMic: false };
    const bob = { seat: -1, atMic: false };
    const spot = plan.sit('ann', ann, 0);
    expect(spot).toEqual({ x: layout.seats[0]!.x, z: layout.seats[0]!.z, yaw: layout.seats[0]!.yaw });
    expect([ann.seat, plan.isFree(0)]).toEqual([0, false]);
    expect(() => plan.sit('bob', bob, 0)).toThrow(/taken/);
    expect(() => plan.sit('bob', bob, layout.seats.length)).toThrow(/no such seat/);
    expect(() => plan.sit('bob', { seat: -1, atMic: true }, 1)).toThrow(/floor microphone/);
    plan.sit('ann', ann, 1);
    expect([ann.seat, plan.isFree(0), plan.isFree(1)]).toEqual([1, true, false]);
    plan.sit('bob', bob, 0);
    expect(holdsStill(bob)).toBe(true);
    expect(plan.stand(bob)).toEqual(standSpot(layout, layout.seats[0]!));
    expect([bob.seat, plan.isFree(0), holdsStill(bob)]).toEqual([-1, true, false]);
    expect(plan.stand(bob)).toBeNull();
    plan.vacate(ann);
    expect(plan.isFree(1)).toBe(true);
    expect(holdsStill({ seat: -1, atMic: true })).toBe(true);
  });
});
