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
    expect(attempt({ comments: 'id,text\n1,hi\n' })).toBe('comments.csv needs a "timestamp" column (its first line names the columns).');
    expect(attempt({ comments, votes: 'timestamp,datetime,comment-id,voter-id,vote\n1,,9,0,1\n' })).toBe('votes.csv, line 2: there is no comment 9 in comments.csv.');
    expect(attempt({ comments, votes: 'timestamp,datetime,comment-id,voter-id,vote\n1,,0,0,2\n' })).toBe('votes.csv, line 2: a vote is 1, -1 or 0, not "2".');
    expect(attempt({ comments, votes: 'timestamp,datetime,comment-id,voter-id,vote\n1,,0,x,1\n' })).toBe('votes.csv, line 2: voter-id must be a whole number (0 or more), not "x".');
    expect(attempt({ comments: `${comments}"unclosed` })).toBe('comments.csv: A quoted cell is never closed (a " is missing).');
  });
});
