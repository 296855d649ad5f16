import { ClientMessage } from '../../shared/protocol/messages.js';
import { REACTIONS, type Ack, type AskMessage, type Reaction, type VoteMessage } from '../../shared/protocol/townhall.js';
import { HallPeer } from './hallPeer.js';
import { between, exponential, pick, wholeBetween, type Random } from './random.js';

/**
 * How a visitor behaves, per bot over the measured window. Questions and votes keep inside the
 * server's per-identity limits (server/rooms/hallQuestions.ts: questions a burst of 3 then one
 * per 20 s; votes a burst of 20 then 2 a second), as a client that greys out its buttons would.
 */
export interface VisitorHabits {
  /** Questions each bot asks over the window, on average (each asks between half and 1.5 times this). */
  asks: number;
  /** Mean seconds between looking at the list and upvoting one question. */
  voteEverySeconds: number;
  /** Chance of applauding when a new question goes up on the stage screen. */
  applaud: number;
  /** Mean seconds between other spontaneous reactions. */
  reactEverySeconds: number;
  /** Chance of raising a hand (once) during the window. */
  hand: number;
}

const ASK_BURST = 3;
const ASK_PER_SECOND = 1 / 20;
const VOTE_BURST = 20;
const VOTE_PER_SECOND = 2;

/** Questions many people ask in the same words: duplicates the server merges into one. */
const COMMON_QUESTIONS = [
  'Will the bus lanes reach the east side?',
  'Why are council tax bills going up again?',
  'When will the library reopen on Sundays?',
  'What is being done about potholes on the ring road?',
];
const TOPICS = [
  'school meals', 'the night bus', 'flood defences', 'the new cycle lanes', 'rents in the centre', 'the leisure centre',
  'street lighting', 'recycling collections', 'the youth club', 'care homes', 'parking permits', 'the market square',
];
const OPENERS = ['What is the plan for', 'How much of the budget goes to', 'Why was there no consultation on', 'Can you commit to protecting'];

/** A client-side pacer with the server's bucket rules, so a bot never asks or votes past the limit. */
class Pacer {
  private tokens: number;
  private last: number;
  constructor(private readonly burst: number, private readonly perSecond: number, now: number) {
    this.tokens = burst;
    this.last = now;
  }
  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1.05) return false; // a margin for clock differences with the server
    this.tokens -= 1;
    return true;
  }
}

/** A seated visitor: sits in its seat, then asks, votes, reacts and raises a hand now and then. */
export class HallVisitor extends HallPeer {
  sat = false;
  asksSent = 0;
  asksMerged = 0;
  votesSent = 0;
  reactionsSent = 0;
  handsRaised = 0;
  private readonly voted = new Set<string>();
  private readonly own = new Set<string>();
  private askAt: number[] = [];
  private nextVoteAt = Infinity;
  private nextReactAt = Infinity;
  private hand: { up: number; down: number; raised: boolean } | undefined;
  /** Reactions queued to go out at given times (a burst of claps). */
  private claps: { at: number; kind: Reaction }[] = [];
  private askPacer!: Pacer;
  private votePacer!: Pacer;
  private asked = 0;
  private active = false;

  constructor(name: string, /** The seat taken by sit() (-1: none chosen yet). */ public seat: number, private readonly random: Random, private readonly habits: VisitorHabits) {
    super(name);
  }

  /** Takes a seat; seated avatars send no movement. */
  sit(): void {
    this.room?.send(ClientMessage.Sit, { seat: this.seat });
  }

  /** Plans the window [t0, t0 + ms): when to ask, and the first vote, reaction and hand. */
  start(t0: number, ms: number): void {
    const h = this.habits;
    const r = this.random;
    // Rounded at random (2.3 is 3 three times in ten), so an average under one still asks some.
    const wanted = h.asks * between(r, 0.5, 1.5);
    const asks = Math.floor(wanted) + (r() < wanted % 1 ? 1 : 0);
    this.askAt = Array.from({ length: asks }, () => t0 + r() * Math.max(0, ms - 3000)).sort((a, b) => a - b);
    this.nextVoteAt = t0 + exponential(r, h.voteEverySeconds * 1000);
    this.nextReactAt = t0 + exponential(r, h.reactEverySeconds * 1000);
    if (r() < h.hand) {
      const up = t0 + r() * ms;
      this.hand = { up, down: up + between(r, 10_000, 30_000), raised: false };
    }
    this.askPacer = new Pacer(ASK_BURST, ASK_PER_SECOND, t0);
    this.votePacer = new Pacer(VOTE_BURST, VOTE_PER_SECOND, t0);
    this.active = true;
  }

  stop(): void {
    this.active = false;
  }

  /** Called by the driver every 50 ms: do whatever is due. */
  step(now: number): void {
    const room = this.room;
    if (!room || this.disconnected) return;
    if (!this.sat && this.seat >= 0 && room.state.avatars?.get(room.sessionId)?.seat === this.seat) this.sat = true;
    if (!this.active) return;
    const r = this.random;
    if (this.askAt.length > 0 && this.askAt[0]! <= now && this.askPacer.take(now)) {
      this.askAt.shift();
      this.ask();
    }
    if (now >= this.nextVoteAt) {
      this.nextVoteAt = now + exponential(r, this.habits.voteEverySeconds * 1000);
      if (this.votePacer.take(now)) this.vote();
    }
    if (now >= this.nextReactAt) {
      this.nextReactAt = now + exponential(r, this.habits.reactEverySeconds * 1000);
      this.queueBurst(now, pick(r, REACTIONS), wholeBetween(r, 1, 3), 200, 600);
    }
    while (this.claps.length > 0 && this.claps[0]!.at <= now) {
      room.send(ClientMessage.React, { kind: this.claps.shift()!.kind });
      this.reactionsSent++;
    }
    if (this.hand && !this.hand.raised && now >= this.hand.up) {
      room.send(ClientMessage.Hand, { up: true });
      this.handsRaised++;
      this.hand.raised = true;
    } else if (this.hand?.raised && now >= this.hand.down) {
      room.send(ClientMessage.Hand, { up: false });
      this.hand = undefined;
    }
  }

  protected override onAnswering(_id: string): void {
    // A new question on the stage screen: many clap, after a moment's reaction time.
    if (this.active && this.random() < this.habits.applaud) {
      this.queueBurst(performance.now() + between(this.random, 300, 1500), 'applause', wholeBetween(this.random, 2, 5), 150, 400);
    }
  }

  protected override onAck(ack: Ack): void {
    if (ack.ref !== ClientMessage.Ask || !ack.id) return;
    this.own.add(ack.id);
    if (ack.message.startsWith('Someone has already asked')) this.asksMerged++;
  }

  private ask(): void {
    const r = this.random;
    this.asked++;
    const text = r() < 0.1
      ? pick(r, COMMON_QUESTIONS)
      : `${pick(r, OPENERS)} ${pick(r, TOPICS)}? (${this.name}, question ${this.asked})`;
    this.room!.send(ClientMessage.Ask, { text, anonymous: r() < 0.2 } satisfies AskMessage);
    this.asksSent++;
  }

  /** Upvotes one public question not voted for yet: mostly one near the top of the list, as people read it. */
  private vote(): void {
    const candidates: { id: string; votes: number }[] = [];
    this.room!.state.hall?.questions.forEach((q) => {
      if ((q.state === 'approved' || q.state === 'answering') && !this.voted.has(q.id) && !this.own.has(q.id)) candidates.push({ id: q.id, votes: q.votes });
    });
    if (candidates.length === 0) return;
    candidates.sort((a, b) => b.votes - a.votes);
    const chosen = this.random() < 0.7 ? pick(this.random, candidates.slice(0, 5)) : pick(this.random, candidates);
    this.voted.add(chosen.id);
    this.room!.send(ClientMessage.Vote, { id: chosen.id, up: true } satisfies VoteMessage);
    this.votesSent++;
  }

  private queueBurst(from: number, kind: Reaction, count: number, minGap: number, maxGap: number): void {
    let at = from;
    for (let i = 0; i < count; i++) {
      this.claps.push({ at, kind });
      at += between(this.random, minGap, maxGap);
    }
    this.claps.sort((a, b) => a.at - b.at);
  }
}
