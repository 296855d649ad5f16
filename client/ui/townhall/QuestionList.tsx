import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { ClientMessage } from '../../../shared/protocol/messages.js';
import { vote } from '../../net/townhall.js';
import { useHall, type HallQuestion } from '../../state/hall.js';
import { QuestionItem } from './QuestionItem.js';
import { nextShown, orderWaiting, rankQuestions, type QuestionOrder } from './stableOrder.js';

function sorted(questions: readonly HallQuestion[], order: QuestionOrder): HallQuestion[] {
  return [...questions].sort((a, b) => (order === 'votes' ? b.votes - a.votes || a.approvedAt - b.approvedAt : b.approvedAt - a.approvedAt));
}

/** A vote sent and not yet confirmed by the server's word on our own votes. */
interface SentVote { id: string; up: boolean; text: string }

/**
 * The questions everyone may see: the one being answered first, then the open ones by votes or
 * by time, then those already answered. The order holds still while the pointer is over the list
 * (or after a finger touched it) and changes when it leaves or on "New order" (stableOrder.ts);
 * each vote is confirmed in words once the server has counted it.
 */
export function QuestionList() {
  const questions = useHall((s) => s.questions);
  const votes = useHall((s) => s.mine?.votes);
  const ended = useHall((s) => s.event.state === 'ended');
  const refusal = useHall((s) => s.results[ClientMessage.Vote]);
  const [order, setOrder] = useState<QuestionOrder>('votes');
  const [held, setHeld] = useState(false);
  const [, setApplied] = useState(0);
  const [sent, setSent] = useState<SentVote | null>(null);
  const [ack, setAck] = useState('');
  const shown = useRef<string[]>([]);
  const voted = new Set(votes ?? []);

  const byId = new Map(questions.map((q) => [q.id, q]));
  const ranked = rankQuestions(questions, order);
  shown.current = nextShown(shown.current, ranked, (id) => byId.has(id), held);
  const main = shown.current.map((id) => byId.get(id)!).filter(Boolean);
  const inMain = new Set(shown.current);
  const answered = sorted(questions.filter((q) => q.state === 'answered' && !inMain.has(q.id)), order);
  const waiting = held && orderWaiting(shown.current, ranked);

  // The server's list of our votes has caught up with the one we sent: say so.
  useEffect(() => {
    if (!sent || (votes ?? []).includes(sent.id) !== sent.up) return;
    setAck(sent.up ? `Your vote for “${sent.text}” is counted.` : `Your vote for “${sent.text}” is taken back.`);
    setSent(null);
  }, [sent, votes]);
  // A refused vote (too fast, voting closed): its sentence instead.
  const refusalSerial = refusal && !refusal.ok ? refusal.serial : 0;
  const seenRefusal = useRef(refusalSerial);
  useEffect(() => {
    if (refusalSerial === seenRefusal.current) return;
    seenRefusal.current = refusalSerial;
    setSent(null);
    setAck(useHall.getState().results[ClientMessage.Vote]?.text ?? '');
  }, [refusalSerial]);

  const applyNow = () => {
    shown.current = ranked;
    setApplied((n) => n + 1);
  };
  const onVote = (q: HallQuestion, up: boolean) => {
    setAck('');
    setSent({ id: q.id, up, text: q.text.length > 60 ? `${q.text.slice(0, 57)}…` : q.text });
    vote({ id: q.id, up });
  };
  // A mouse leaving lets the list re-sort; a finger leaves on every lift, so touch holds until "New order".
  const onEnter = () => setHeld(true);
  const onLeave = (e: PointerEvent) => {
    if (e.pointerType === 'mouse') setHeld(false);
  };

  if (questions.length === 0) {
    return <p className="muted empty">No questions yet. Ask one, or wait for the moderators to approve some.</p>;
  }
  return (
    <div className="question-list" onPointerEnter={onEnter} onPointerDown={onEnter} onPointerLeave={onLeave}>
      <div className="sort" role="group" aria-label="Sort questions">
        <span className="muted">Sort by</span>
        <button type="button" className="small secondary" aria-pressed={order === 'votes'} onClick={() => { setOrder('votes'); shown.current = []; }}>Votes</button>
        <button type="button" className="small secondary" aria-pressed={order === 'newest'} onClick={() => { setOrder('newest'); shown.current = []; }}>Newest</button>
        {waiting && <button type="button" className="small new-order" onClick={applyNow}>New order</button>}
      </div>
      <p className="vote-ack" role="status">{ended ? 'The event has ended; voting is closed.' : sent ? 'Sending your vote…' : ack}</p>
      <ul aria-label="Questions">
        {main.map((q) => (
          <QuestionItem key={q.id} question={q} voted={voted.has(q.id)} closed={ended} sending={sent?.id === q.id} onVote={onVote} />
        ))}
      </ul>
      {answered.length > 0 && (
        <>
          <h3 className="subhead">Answered</h3>
          <ul aria-label="Answered questions">
            {answered.map((q) => (
              <QuestionItem key={q.id} question={q} voted={voted.has(q.id)} closed onVote={onVote} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
