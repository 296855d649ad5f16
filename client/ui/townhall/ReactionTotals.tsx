import { useEffect, useState } from 'react';
import { REACTIONS } from '../../../shared/protocol/townhall.js';
import { useHall } from '../../state/hall.js';
import { REACTION_LABEL } from '../../reactionLook.js';
import { ReactionIcon } from './ReactionIcon.js';

const SHOW_MS = 3500;

/** For a moment after people react: how many of each, e.g. "Applause 12 · Agree 3". */
export function ReactionTotals() {
  const totals = useHall((s) => s.reactions);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!totals) return;
    setShown(true);
    const timer = setTimeout(() => setShown(false), SHOW_MS);
    return () => clearTimeout(timer);
  }, [totals]);
  if (!totals || !shown) return null;
  const parts = REACTIONS.filter((k) => totals.counts[k] > 0);
  if (parts.length === 0) return null;
  return (
    <p className="panel reaction-totals" aria-label="Reactions just now">
      {parts.map((k) => (
        <span key={k} className="total">
          <ReactionIcon kind={k} />
          {REACTION_LABEL[k]} {totals.counts[k]}
        </span>
      ))}
    </p>
  );
}
