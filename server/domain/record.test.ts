import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../shared/protocol/api.js';
import { equalTime, recordToCsv } from './record.js';

const event: EventRecord['event'] = {
  id: 'e1', spaceId: 'townhall', title: 'T', description: '', state: 'ended', startsAt: '2030-01-01T18:00:00.000Z',
  startedAt: null, endedAt: null, autoApprove: false, createdBy: null, createdAt: '2030-01-01T00:00:00.000Z',
};

describe('the equal-time report', () => {
  it('sums turns per identity, named as last seen, most speaking time first', () => {
    expect(equalTime([
      { holderKey: 'guest:a', holderName: 'Ann', seconds: 30.25 },
      { holderKey: 'guest:b', holderName: 'Bob', seconds: 50 },
      { holderKey: 'guest:a', holderName: 'Ann B.', seconds: 25.1 },
      { holderKey: 'guest:c', holderName: 'Cy', seconds: null },
      { holderKey: 'guest:d', holderName: 'Abe', seconds: 0 },
    ])).toEqual([
      { name: 'Ann B.', turns: 2, seconds: 55.4 },
      { name: 'Bob', turns: 1, seconds: 50 },
      { name: 'Abe', turns: 1, seconds: 0 },
      { name: 'Cy', turns: 1, seconds: 0 },
    ]);
    expect(equalTime([])).toEqual([]);
  });
});

describe('the record as CSV', () => {
  it('quotes cells per RFC 4180 and defuses formula-looking text with an apostrophe', () => {
    const csv = recordToCsv({
      event, dismissedCount: 0,
      questions: [{
        id: 'q1', text: '=1+1, "quoted"\nnext', originalText: null, author: '@bob', votes: 3, state: 'answered',
        askedAt: '2030-01-01T18:01:00.000Z', approvedAt: null, answeringAt: null, answeredAt: null,
      }],
      floorTurns: [{ name: '-dash', startedAt: '2030-01-01T18:05:00.000Z', endedAt: null, seconds: 4.5 }],
      equalTime: [{ name: 'plain', turns: 1, seconds: 4.5 }],
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('section,id,text,original_text,author,votes,state,asked_at,approved_at,answering_at,answered_at,name,started_at,ended_at,seconds,turns');
    expect(csv).toContain(`question,q1,"'=1+1, ""quoted""\nnext",,'@bob,3,answered,2030-01-01T18:01:00.000Z,,,,,,,,\r\n`);
    expect(csv).toContain("floor_turn,,,,,,,,,,,'-dash,2030-01-01T18:05:00.000Z,,4.5,\r\n");
    expect(csv).toContain('equal_time,,,,,,,,,,,plain,,,4.5,1\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    // Numbers are never prefixed, even negative ones; only text that a spreadsheet would run.
    expect(recordToCsv({ event, dismissedCount: 0, questions: [], floorTurns: [], equalTime: [{ name: '+1', turns: 1, seconds: -0 }] }))
      .toContain("equal_time,,,,,,,,,,,'+1,,,0,1");
  });
});
