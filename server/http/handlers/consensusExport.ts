import { commentsCsv, participantsVotesCsv, votesCsv, type OpenConversation } from '../../../shared/consensus/openData.js';
import { ErrorCode } from '../../../shared/protocol/errors.js';
import type { Repos } from '../../store/repos.js';
import { ApiError, type Handlers } from '../api.js';
import type { HandlerDeps } from './deps.js';

const MODERATED = { accepted: 1, pending: 0, rejected: -1 } as const;

/** A stored conversation in the open-data shape: participants by number only, never by account or session. */
export async function openConversation(repos: Pick<Repos, 'consensus'>, conversationId: string): Promise<OpenConversation> {
  const [statements, votes] = await Promise.all([repos.consensus.statements(conversationId), repos.consensus.votes(conversationId)]);
  return {
    statements: statements.map((s) => ({ id: s.number, authorId: s.authorNumber, createdAt: Date.parse(s.createdAt), moderated: MODERATED[s.state], text: s.text })),
    votes: votes.map((v) => ({ statement: v.statement, voter: v.participant, vote: v.vote, at: Date.parse(v.votedAt) })),
  };
}

/** The Pol.is open-data files of a space's conversation (comments.csv, votes.csv, participants-votes.csv). */
export function consensusExportHandlers(deps: HandlerDeps): Pick<Handlers, 'consensusComments' | 'consensusVotes' | 'consensusParticipants'> {
  async function load(spaceId: string, file: string, res: Parameters<Handlers['consensusComments']>[0]['res']) {
    const c = await deps.repos.consensus.current(spaceId);
    if (!c) throw new ApiError(404, ErrorCode.NOT_FOUND, 'This space has no consensus question yet.');
    res.set('Cache-Control', 'no-cache');
    res.type('text/csv; charset=utf-8');
    res.attachment(file);
    return { c, open: await openConversation(deps.repos, c.id) };
  }
  return {
    async consensusComments({ params, res }) {
      return commentsCsv((await load(params.id, 'comments.csv', res)).open);
    },
    async consensusVotes({ params, res }) {
      return votesCsv((await load(params.id, 'votes.csv', res)).open);
    },
    async consensusParticipants({ params, res }) {
      const { c, open } = await load(params.id, 'participants-votes.csv', res);
      const groups = new Map(((await deps.consensus.published(c.id))?.points ?? []).map((p) => [p[0], p[3]]));
      return participantsVotesCsv(open, (p) => {
        const g = groups.get(p);
        return g === undefined || g < 0 ? null : g;
      });
    },
  };
}
