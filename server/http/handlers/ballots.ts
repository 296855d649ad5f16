import { randomBytes } from 'node:crypto';
import { ErrorCode } from '../../../shared/protocol/errors.js';
import type { ProposalInput } from '../../../shared/protocol/ballots.js';
import { actorOf } from '../../auth/sessions.js';
import { allocationOf, castAllocation, hashBallotCode } from '../../ballots/cast.js';
import { ballotResults, ballotView, liveBallots, rulesOf } from '../../ballots/views.js';
import { CODE_BYTES, formatCode, normalizeCode } from '../../domain/ballotCodes.js';
import { checkChange, checkSchedule, LOCKED_FIELDS } from '../../domain/ballotSettings.js';
import { resultsToCsv } from '../../domain/ballotTally.js';
import { identityKey } from '../../domain/questions.js';
import type { Ballot, NewProposal } from '../../store/ballots.js';
import type { Repos } from '../../store/repos.js';
import { ApiError, type Handlers } from '../api.js';
import { type HandlerDeps, signedIn } from './deps.js';

type BallotHandlers = 'listBallots' | 'createBallot' | 'updateBallot' | 'ballotCodes' | 'ballotCodeCounts' | 'myAllocation' | 'castAllocation' | 'ballotResults' | 'ballotResultsCsv';

const NO_BALLOT = 'There is no such ballot in this space.';

/** Quadratic ballots over HTTP: staff set them up and run them, voters cast, results are open data. */
export function ballotHandlers(deps: HandlerDeps): Pick<Handlers, BallotHandlers> {
  const { repos } = deps;
  const now = () => new Date();

  async function found(r: Pick<Repos, 'ballots'>, spaceId: string, ballotId: string): Promise<Ballot> {
    const ballot = await r.ballots.get(ballotId);
    if (!ballot || ballot.spaceId !== spaceId) throw new ApiError(404, ErrorCode.NOT_FOUND, NO_BALLOT);
    return ballot;
  }

  async function spaceExists(spaceId: string): Promise<void> {
    if (!await repos.spaces.get(spaceId)) throw new ApiError(404, ErrorCode.NOT_FOUND, 'There is no space with that name.');
  }

  /** Proposals may link only exhibits (and twins) of this space, published or in its draft. */
  async function proposalsFor(spaceId: string, proposals: readonly ProposalInput[]): Promise<NewProposal[]> {
    const linked = proposals.flatMap((p) => p.exhibitIds ?? []);
    if (linked.length > 0) {
      const [published, draft] = await Promise.all([repos.exhibits.latest(spaceId), repos.exhibits.draft(spaceId)]);
      const known = new Set([...(published?.exhibits ?? []).map((e) => e.id), ...draft.map((d) => d.exhibit.id)]);
      const missing = linked.find((id) => !known.has(id));
      if (missing) throw new ApiError(400, ErrorCode.INVALID_INPUT, `A proposal links the exhibit "${missing}", which is not in this space.`);
    }
    return proposals.map((p) => ({ title: p.title, description: p.description ?? '', exhibitIds: p.exhibitIds ?? [] }));
  }

  return {
    async listBallots({ params, res }) {
      await spaceExists(params.id);
      res.set('Cache-Control', 'no-cache');
      return liveBallots(repos.ballots, params.id, now());
    },

    async createBallot({ params, body, identity }) {
      const actor = signedIn(identity);
      await spaceExists(params.id);
      const at = now();
      const times = checkSchedule(body.opensAt, body.closesAt, at);
      const proposals = await proposalsFor(params.id, body.proposals);
      const ballot = await repos.transaction(async (r) => {
        const created = await r.ballots.create({
          spaceId: params.id, title: body.title, description: body.description, proposals, budget: body.budget,
          allowAgainst: body.allowAgainst, results: body.results, privacy: body.privacy, voters: body.voters,
          opensAt: times.opensAt, closesAt: times.closesAt, createdBy: actor.accountId,
        });
        await r.audit.append({ actorId: actorOf(actor), action: 'ballot.create', targetType: 'ballot', targetId: created.id, spaceId: params.id, detail: { title: body.title, proposals: proposals.length, budget: body.budget, privacy: body.privacy } });
        return created;
      });
      deps.events.ballotsChanged(params.id);
      return ballotView(ballot, at);
    },

    async updateBallot({ params, body, identity }) {
      const actor = signedIn(identity);
      const proposals = body.proposals ? await proposalsFor(params.id, body.proposals) : undefined;
      const at = now();
      const ballot = await repos.transaction(async (r) => {
        // The ballot's row first: a cast of the same ballot waits (PostgreSQL), so a locked field cannot slip past a first ballot.
        await r.ballots.lockForCast(params.ballotId);
        const before = await found(r, params.id, params.ballotId);
        const times = checkChange(rulesOf(before), body, at);
        const { phase: _phase, onStage, opensAt: _o, closesAt: _c, ...settings } = body;
        const touchesLocked = LOCKED_FIELDS.some((f) => body[f] !== undefined);
        const changed = await r.ballots.update(before.id, { ...settings, proposals, ...times }, touchesLocked);
        if (!changed) throw new ApiError(409, ErrorCode.CONFLICT, 'The first ballot was cast meanwhile; proposals, budget, privacy and voters are now fixed.');
        if (onStage !== undefined) await r.ballots.setOnStage(before.spaceId, before.id, onStage);
        await r.audit.append({ actorId: actorOf(actor), action: 'ballot.update', targetType: 'ballot', targetId: before.id, spaceId: before.spaceId, detail: body });
        return (await r.ballots.get(before.id))!;
      });
      deps.events.ballotsChanged(params.id);
      return ballotView(ballot, at);
    },

    async ballotCodes({ params, body, identity }) {
      const actor = signedIn(identity);
      const ballot = await found(repos, params.id, params.ballotId);
      if (!ballot.voters.codes) throw new ApiError(409, ErrorCode.CONFLICT, 'This ballot does not take ballot codes: allow them in its settings first (before the first ballot is cast).');
      const codes = Array.from({ length: body.count }, () => formatCode(randomBytes(CODE_BYTES)));
      await repos.transaction(async (r) => {
        await r.ballots.addCodes(ballot.id, codes.map((c) => hashBallotCode(normalizeCode(c)!)), actor.accountId);
        await r.audit.append({ actorId: actorOf(actor), action: 'ballot.codes', targetType: 'ballot', targetId: ballot.id, spaceId: ballot.spaceId, detail: { count: body.count } });
      });
      return { ballotId: ballot.id, codes };
    },

    async ballotCodeCounts({ params, res }) {
      const ballot = await found(repos, params.id, params.ballotId);
      res.set('Cache-Control', 'no-store');
      return { ballotId: ballot.id, ...await repos.ballots.codeCounts(ballot.id) };
    },

    async myAllocation({ params, identity, res }) {
      const who = signedIn(identity);
      const ballot = await found(repos, params.id, params.ballotId);
      res.set('Cache-Control', 'no-store');
      return allocationOf(ballot, await repos.ballots.ballotOf(ballot.id, identityKey(who)), who, now());
    },

    async castAllocation({ params, body, identity }) {
      const who = signedIn(identity);
      const mine = await castAllocation(repos, { spaceId: params.id, ballotId: params.ballotId, identity: who, votes: body.votes, code: body.code }, now);
      deps.events.ballotsChanged(params.id);
      return mine;
    },

    async ballotResults({ params, res }) {
      const ballot = await found(repos, params.id, params.ballotId);
      res.set('Cache-Control', 'no-cache');
      return ballotResults(repos.ballots, ballot, now());
    },

    async ballotResultsCsv({ params, res }) {
      const ballot = await found(repos, params.id, params.ballotId);
      const results = await ballotResults(repos.ballots, ballot, now());
      if (results.hidden) throw new ApiError(409, ErrorCode.CONFLICT, 'The results of this ballot are hidden until it closes.');
      res.set('Cache-Control', 'no-cache');
      res.type('text/csv; charset=utf-8');
      res.attachment(`ballot-${ballot.id}.csv`);
      return resultsToCsv(results);
    },
  };
}
