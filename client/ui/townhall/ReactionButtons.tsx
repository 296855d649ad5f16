import { useRef } from 'react';
import { REACTIONS, type Reaction } from '../../../shared/protocol/townhall.js';
import { react } from '../../net/townhall.js';
import { REACTION_LABEL } from '../../reactionLook.js';
import { ReactionIcon } from './ReactionIcon.js';

/** One reaction per this long from one person is plenty (the server has its own limit). */
const GAP_MS = 350;

/** Applause, agree, disagree, laugh: each a button with its icon and its name. */
export function ReactionButtons() {
  const last = useRef(0);
  const send = (kind: Reaction) => {
    const now = performance.now();
    if (now - last.current < GAP_MS) return;
    last.current = now;
    react(kind);
  };
  return (
    <div className="reactions" role="group" aria-label="React">
      {REACTIONS.map((kind) => (
        <button key={kind} type="button" className="reaction" onClick={() => send(kind)}>
          <ReactionIcon kind={kind} />
          {REACTION_LABEL[kind]}
        </button>
      ))}
    </div>
  );
}
