import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../shared/protocol/api.js';
import { csvCell } from '../../shared/csv.js';
import { equalTime, recordQuestions, recordToCsv, type QuestionLike } from './record.js';

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

/** A stored question as the record reads it: approved, with nothing merged. */
function stored(id: string, over: Partial<QuestionLike> = {}): QuestionLike {
  return {
    id, text: `Question ${id}?`, originalText: null, authorName: `Asker ${id}`, anonymous: false, votes: 0, state: 'approved',
    createdAt: '2030-01-01T18:01:00.000Z', approvedAt: '2030-01-01T18:02:00.000Z', answeringAt: null, answeredAt: null,
    dismissedAt: null, mergedInto: null, votesCarried: 0, ...over,
  };
}

describe('the questions of the record', () => {
  it('shows a duplicate merged into a public question as merged, with the backers it carried, and does not count it dismissed', () => {
    const { questions, dismissedCount } = recordQuestions([
      stored('a', { votes: 3 }),
      stored('b', { state: 'dismissed', votes: 1, dismissedAt: '2030-01-01T18:05:00.000Z', mergedInto: 'a', votesCarried: 2, anonymous: true }),
      stored('c', { state: 'dismissed', dismissedAt: '2030-01-01T18:06:00.000Z' }),
    ]);
    expect(dismissedCount).toBe(1);
    expect(questions.map((q) => [q.id, q.state, q.mergedInto, q.votesCarried, q.votes])).toEqual([['a', 'approved', null, 0, 3], ['b', 'merged', 'a', 2, 1]]);
    expect(questions[1]).toMatchObject({ author: 'anonymous', mergedAt: '2030-01-01T18:05:00.000Z', text: 'Question b?' });
    expect(questions[0]!.mergedAt).toBeNull();
  });

  it('follows a merge into a merged question to the public one; a merge into one never made public is counted dismissed', () => {
    const { questions, dismissedCount } = recordQuestions([
      stored('a', { state: 'answered' }),
      stored('b', { state: 'dismissed', mergedInto: 'a', votesCarried: 1 }),
      stored('c', { state: 'dismissed', mergedInto: 'b', votesCarried: 1 }),
      stored('p', { state: 'pending', approvedAt: null }),
      stored('d', { state: 'dismissed', mergedInto: 'p', votesCarried: 4 }),
      stored('x', { state: 'dismissed', mergedInto: 'y' }),
      stored('y', { state: 'dismissed', mergedInto: 'x' }),
      stored('gone', { state: 'dismissed', mergedInto: 'no-such-question' }),
    ]);
    expect(questions.map((q) => [q.id, q.state, q.mergedInto])).toEqual([['a', 'answered', null], ['b', 'merged', 'a'], ['c', 'merged', 'b']]);
    expect(dismissedCount).toBe(4);
  });

  it('writes the merge into the CSV: the question it repeats, when, and the backers carried', () => {
    const { questions } = recordQuestions([
      stored('a', { votes: 3 }),
      stored('b', { state: 'dismissed', votes: 1, dismissedAt: '2030-01-01T18:05:00.000Z', mergedInto: 'a', votesCarried: 2 }),
    ]);
    const csv = recordToCsv({ event, dismissedCount: 0, questions, floorTurns: [], equalTime: [] });
    expect(csv).toContain('"question","b","Question b?",,"Asker b",1,"merged","2030-01-01T18:01:00.000Z","2030-01-01T18:02:00.000Z",,,"a","2030-01-01T18:05:00.000Z",2,,,,,\r\n');
    expect(csv).toContain('"question","a","Question a?",,"Asker a",3,"approved","2030-01-01T18:01:00.000Z","2030-01-01T18:02:00.000Z",,,,,,,,,,\r\n');
  });
});

describe('the record as CSV', () => {
  it('quotes every text cell per RFC 4180 and defuses formula-looking text with an apostrophe', () => {
    const csv = recordToCsv({
      event, dismissedCount: 0,
      questions: [{
        id: 'q1', text: '=1+1, "quoted"\nnext', originalText: null, author: '@bob', votes: 3, state: 'answered',
        askedAt: '2030-01-01T18:01:00.000Z', approvedAt: null, answeringAt: null, answeredAt: null, mergedInto: null, mergedAt: null, votesCarried: 0,
      }],
      floorTurns: [{ name: '-dash', startedAt: '2030-01-01T18:05:00.000Z', endedAt: null, seconds: 4.5 }],
      equalTime: [{ name: 'plain', turns: 1, seconds: 4.5 }],
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('section,id,text,original_text,author,votes,state,asked_at,approved_at,answering_at,answered_at,merged_into,merged_at,votes_carried,name,started_at,ended_at,seconds,turns');
    expect(csv).toContain(`"question","q1","'=1+1, ""quoted""\nnext",,"'@bob",3,"answered","2030-01-01T18:01:00.000Z",,,,,,,,,,,\r\n`);
    expect(csv).toContain(`"floor_turn",,,,,,,,,,,,,,"'-dash","2030-01-01T18:05:00.000Z",,4.5,\r\n`);
    expect(csv).toContain('"equal_time",,,,,,,,,,,,,,"plain",,,4.5,1\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    // Numbers are never prefixed, even negative ones; only text that a spreadsheet would run.
    expect(recordToCsv({ event, dismissedCount: 0, questions: [], floorTurns: [], equalTime: [{ name: '+1', turns: 1, seconds: -0 }] }))
      .toContain(`"equal_time",,,,,,,,,,,,,,"'+1",,,0,1`);
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
