import { ServerError } from '@colyseus/core';
import { describe, expect, it, vi } from 'vitest';
import type { OffenderLog } from '../socketGuard.js';
import { reportRoomFault } from './messageGuard.js';

function faults() {
  const report = vi.fn();
  return { deps: { roomFaults: { report } as unknown as OffenderLog }, report };
}

describe('reportRoomFault', () => {
  it('does not log a join or a room refused on purpose (a ServerError from onAuth or onCreate)', () => {
    const { deps, report } = faults();
    reportRoomFault(deps, 'r1', new ServerError(503, 'ROOM_FULL: Every section of this event is full.'), 'onCreate');
    reportRoomFault(deps, 'r1', new ServerError(403, 'NOT_ALLOWED: banned'), 'onAuth');
    expect(report).not.toHaveBeenCalled();
  });

  it('logs what threw by accident in onCreate, and a ServerError anywhere else', () => {
    const { deps, report } = faults();
    reportRoomFault(deps, 'r1', new TypeError('x is undefined'), 'onCreate');
    reportRoomFault(deps, 'r1', new ServerError(500, 'odd'), 'setSimulationInterval');
    expect(report.mock.calls.map((c) => [c[0], c[1], c[2]])).toEqual([
      ['r1:onCreate', 'onCreate', 'TypeError: x is undefined'],
      ['r1:setSimulationInterval', 'setSimulationInterval', expect.stringContaining('odd')],
    ]);
  });

  it('reads the cause Colyseus wraps round what the method threw', () => {
    const { deps, report } = faults();
    const wrapped = Object.assign(new Error('onCreate failed'), { cause: new ServerError(503, 'ROOM_FULL: full') });
    reportRoomFault(deps, 'r1', wrapped, 'onCreate');
    expect(report).not.toHaveBeenCalled();
  });
});
