import { describe, expect, it } from 'vitest';
import { SPACES } from '../../shared/spaces/catalog.js';
import { BOUNDS_MARGIN, checkHolds, checkInside, checkMayDrag, checkNotHeldByOther, freeLock, takeLock } from './exhibitLocks.js';

describe('drag locks on exhibits', () => {
  it('one curator holds an exhibit; the others may not change it, drag it or let it go', () => {
    const lock = { lockedBy: '', lockedName: '' };
    expect(() => checkNotHeldByOther(lock, 'bo')).not.toThrow();
    expect(() => checkMayDrag(lock, 'cu')).toThrow(/Grab the exhibit/);
    takeLock(lock, 'cu', 'Cu');
    expect(() => checkMayDrag(lock, 'cu')).not.toThrow();
    expect(() => checkNotHeldByOther(lock, 'cu')).not.toThrow();
    expect(() => checkNotHeldByOther(lock, 'bo')).toThrow(/Cu is moving this exhibit/);
    expect(() => checkHolds(lock, 'bo')).toThrow(/not holding/);
    expect(() => checkHolds(undefined, 'cu')).toThrow(/not holding/);
    checkHolds(lock, 'cu');
    freeLock(lock);
    expect(lock).toEqual({ lockedBy: '', lockedName: '' });
  });

  it('keeps exhibits inside the space (within the margin)', () => {
    const layout = SPACES.get('plaza')!;
    const b = layout.bounds;
    expect(() => checkInside(layout, { x: b.maxX + BOUNDS_MARGIN, z: 0 })).not.toThrow();
    expect(() => checkInside(layout, { x: b.maxX + BOUNDS_MARGIN + 0.01, z: 0 })).toThrow(/inside the space/);
    expect(() => checkInside(layout, { x: 0, z: b.minZ - BOUNDS_MARGIN - 0.01 })).toThrow(/inside the space/);
  });
});
