import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv.js';
import { commentsCsv, OpenDataError, parseOpenData, participantsVotesCsv, votesCsv, type OpenConversation } from './openData.js';

const T = Date.UTC(2026, 11, 6, 20, 0, 0);
const conversation: OpenConversation = {
  statements: [
    { id: 0, authorId: 0, createdAt: T, moderated: 1, text: 'Buses should run all night.' },
    { id: 1, authorId: 1, createdAt: T + 1000, moderated: 1, text: 'Fares, "if any", should be flat;\nthe same for all' },
    { id: 2, authorId: 2, createdAt: T + 2000, moderated: -1, text: '=HYPERLINK("x") is not a statement' },
    { id: 3, authorId: 1, createdAt: T + 3000, moderated: 0, text: 'Trams! Ça coûte cher — 高い' },
  ],
  votes: [
    { statement: 0, voter: 0, vote: 1, at: T + 5000 },
    { statement: 1, voter: 0, vote: -1, at: T + 6000 },
    { statement: 0, voter: 1, vote: 0, at: T + 7000 },
    { statement: 0, voter: 3, vote: -1, at: T + 8000 },
    { statement: 1, voter: 3, vote: 1, at: T + 9000 },
  ],
};

describe('the Pol.is open-data layout', () => {
  it('writes comments.csv with the counts and the moderation state', () => {
    const rows = parseCsv(commentsCsv(conversation));
    expect(rows[0]).toEqual(['timestamp', 'datetime', 'comment-id', 'author-id', 'agrees', 'disagrees', 'moderated', 'comment-body']);
    expect(rows[1]).toEqual([String(T / 1000), '2026-12-06T20:00:00.000Z', '0', '0', '1', '1', '1', 'Buses should run all night.']);
    expect(rows[2]![7]).toBe('Fares, "if any", should be flat;\nthe same for all');
    // A formula is defused for spreadsheets.
    expect(rows[3]![7]).toBe('\'=HYPERLINK("x") is not a statement');
  });

  it('writes participants-votes.csv: one column per statement holding 1, -1, 0 or blank', () => {
    const text = participantsVotesCsv(conversation, (p) => (p === 0 ? 0 : p === 3 ? 1 : null));
    expect(text.split('\n')).toEqual([
      'participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2,3',
      '0,0,1,2,1,1,1,-1,,',
      '1,,2,1,0,0,0,,,',
      '2,,1,0,0,0,,,,',
      '3,1,0,2,1,1,-1,1,,',
      '',
    ]);
  });

  it('reads back what it wrote (comments and votes)', () => {
    const back = parseOpenData({ comments: commentsCsv(conversation), votes: votesCsv(conversation) });
    expect(back).toEqual(conversation);
  });

  it('reads the votes from participants-votes.csv when votes.csv is absent', () => {
    const back = parseOpenData({ comments: commentsCsv(conversation), participantsVotes: participantsVotesCsv(conversation) });
    expect(back.statements).toEqual(conversation.statements);
    const key = (v: { voter: number; statement: number; vote: number }) => `${v.voter}/${v.statement}=${v.vote}`;
    expect(back.votes.map(key).sort()).toEqual(conversation.votes.map(key).sort());
  });

  it('keeps the latest of repeated votes', () => {
    const votes = 'timestamp,datetime,comment-id,voter-id,vote\n100,,0,5,1\n90,,0,5,-1\n';
    expect(parseOpenData({ comments: commentsCsv(conversation), votes }).votes).toEqual([{ statement: 0, voter: 5, vote: 1, at: 100_000 }]);
  });

  it('refuses what it cannot read, with the file and line', () => {
    const comments = commentsCsv(conversation);
    const attempt = (files: Parameters<typeof parseOpenData>[0]) => {
      try {
        parseOpenData(files);
        return 'accepted';
      } catch (err) {
        expect(err).toBeInstanceOf(OpenDataError);
        return (err as Error).message;
      }
    };
    expect(attempt({ comments: 'id,text\n1,hi\n' })).toBe('5 problems in the files; the first: comments.csv needs a "timestamp" column (its first line names the columns).');
    expect(attempt({ comments, votes: 'timestamp,datetime,comment-id,voter-id,vote\n1,,9,0,1\n' })).toBe('votes.csv, line 2: there is no comment 9 in comments.csv.');
    expect(attempt({ comments, votes: 'timestamp,datetime,comment-id,voter-id,vote\n1,,0,0,2\n' })).toBe('votes.csv, line 2: a vote is 1, -1 or 0, not "2".');
    expect(attempt({ comments, votes: 'timestamp,datetime,comment-id,voter-id,vote\n1,,0,x,1\n' })).toBe('votes.csv, line 2: voter-id must be a whole number (0 or more), not "x".');
    expect(attempt({ comments: `${comments}"unclosed` })).toBe('comments.csv is not CSV: A quoted cell is never closed (a " is missing).');
  });

  it('reports every row it cannot read, each with its file, line, code and sentence, and skips nothing silently', () => {
    const comments = [
      'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body',
      '1,,0,0,0,0,1,Night buses.',
      '1,,0,1,0,0,1,The same id again.',
      '1,,x,1,0,0,1,No id.',
      '1,,3,1,0,0,7,Bad moderation.',
      '1,,4,1,0,0,1,',
      '',
    ].join('\n');
    const votes = ['timestamp,datetime,comment-id,voter-id,vote', '1,,0,5,1', '1,,0,6,2', '1,,9,6,1', '1,,3,6,1', ''].join('\n');
    let problems: OpenDataError['problems'] = [];
    try {
      parseOpenData({ comments, votes });
    } catch (err) {
      expect(err).toBeInstanceOf(OpenDataError);
      expect((err as Error).message).toBe('6 problems in the files; the first: comments.csv, line 3: comment 0 appears twice.');
      problems = (err as OpenDataError).problems;
    }
    expect(problems.map((p) => [p.file, p.line, p.code])).toEqual([
      ['comments.csv', 3, 'DUPLICATE_COMMENT'],
      ['comments.csv', 4, 'NOT_A_NUMBER'],
      ['comments.csv', 5, 'NOT_A_NUMBER'],
      ['comments.csv', 6, 'BAD_TEXT'],
      ['votes.csv', 3, 'BAD_VOTE'],
      // Comment 9 is nowhere; comment 3's row was refused, so the vote on it is not reported again.
      ['votes.csv', 4, 'UNKNOWN_COMMENT'],
    ]);
    expect(problems[4]!.message).toBe('votes.csv, line 3: a vote is 1, -1 or 0, not "2".');
  });

  it('stops after 50 problems, and says there are at least that many', () => {
    const comments = commentsCsv(conversation);
    const votes = ['timestamp,datetime,comment-id,voter-id,vote', ...Array.from({ length: 80 }, (_, i) => `1,,0,${i},yes`)].join('\n');
    try {
      parseOpenData({ comments, votes });
      expect.unreachable('the votes were accepted');
    } catch (err) {
      expect((err as OpenDataError).problems).toHaveLength(50);
      expect((err as Error).message).toMatch(/^At least 50 problems in the files; the first: votes.csv, line 2: a vote is 1, -1 or 0, not "yes"\.$/);
    }
  });

  it('refuses ids too large to number rows, and more comments than an import takes', () => {
    const header = 'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body';
    const big = `${header}\n1,,2000000,0,0,0,1,A far comment.\n`;
    expect(() => parseOpenData({ comments: big, votes: 'timestamp,comment-id,voter-id,vote\n' })).toThrow('comments.csv, line 2: comment-id can be at most 1,000,000 here, not 2000000.');
    const many = [header, ...Array.from({ length: 5001 }, (_, i) => `1,,${i},0,0,0,1,Statement number ${i}.`)].join('\n');
    expect(() => parseOpenData({ comments: many, votes: 'timestamp,comment-id,voter-id,vote\n' })).toThrow('comments.csv has 5,001 comments; an import takes at most 5,000.');
  });
});
