import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../shared/protocol/api.js';
import { csvCell } from '../../shared/csv.js';
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
  it('quotes every text cell per RFC 4180 and defuses formula-looking text with an apostrophe', () => {
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
    expect(csv).toContain(`"question","q1","'=1+1, ""quoted""\nnext",,"'@bob",3,"answered","2030-01-01T18:01:00.000Z",,,,,,,,\r\n`);
    expect(csv).toContain(`"floor_turn",,,,,,,,,,,"'-dash","2030-01-01T18:05:00.000Z",,4.5,\r\n`);
    expect(csv).toContain('"equal_time",,,,,,,,,,,"plain",,,4.5,1\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    // Numbers are never prefixed, even negative ones; only text that a spreadsheet would run.
    expect(recordToCsv({ event, dismissedCount: 0, questions: [], floorTurns: [], equalTime: [{ name: '+1', turns: 1, seconds: -0 }] }))
      .toContain(`"equal_time",,,,,,,,,,,"'+1",,,0,1`);
  });

  // Issue 17, finding 9: "hello;=1+1" went out bare, and a spreadsheet splitting on ";" ran "=1+1".
  it.each([
    ['hello;=1+1', `"hello;'=1+1"`],
    ['hello,=1+1', `"hello,'=1+1"`],
    ['hello\t=1+1', `"hello\t'=1+1"`],
    ['hello|=1+1', `"hello|'=1+1"`],
    ['hello; =1+1', `"hello; '=1+1"`],
    ['a;+1;-1;@SUM(A1)', `"a;'+1;'-1;'@SUM(A1)"`],
    ['=1+1', `"'=1+1"`],
    ['  =1+1', `"  '=1+1"`],
    ['\t=1', `"'\t'=1"`],
    ['\r=1', `"'\r'=1"`],
    ["line\n=cmd|' /C calc'!A0", `"line\n'=cmd|' /C calc'!A0"`],
    ['say "hi"', '"say ""hi"""'],
    ['plain text', '"plain text"'],
    ['1+1=2', '"1+1=2"'],
    ['e-mail me @ home', '"e-mail me @ home"'],
    ['', '""'],
  ])('writes %j as %s', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('writes numbers bare and nothing for null', () => {
    expect([csvCell(-3), csvCell(4.5), csvCell(null), csvCell(undefined)]).toEqual(['-3', '4.5', '', '']);
  });
});
