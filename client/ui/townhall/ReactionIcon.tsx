import type { Reaction } from '../../../shared/protocol/townhall.js';
import { ICON_COLOUR, ICON_INK as INK } from '../../reactionLook.js';

/** The same small round icons as float up in the 3D view, as inline SVG. */
export function ReactionIcon({ kind }: { kind: Reaction }) {
  return (
    <svg className="reaction-icon" viewBox="-12 -12 24 24" width="18" height="18" aria-hidden="true">
      <circle r="11" fill={ICON_COLOUR[kind]} />
      {kind === 'applause' && <path d="M0 -6 L1.8 -1.8 L6 -1.6 L2.6 1.1 L3.7 5.4 L0 3 L-3.7 5.4 L-2.6 1.1 L-6 -1.6 L-1.8 -1.8 Z" fill={INK} />}
      {kind === 'agree' && <path d="M-5 0.5 L-1.5 4 L5 -3.5" fill="none" stroke={INK} strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />}
      {kind === 'disagree' && <path d="M-4 -4 L4 4 M4 -4 L-4 4" stroke={INK} strokeWidth="2.4" strokeLinecap="round" />}
      {kind === 'laugh' && (
        <>
          <path d="M-5.5 -2 Q-3.5 -5 -1.5 -2 M1.5 -2 Q3.5 -5 5.5 -2" fill="none" stroke={INK} strokeWidth="1.6" strokeLinecap="round" />
          <path d="M-5.5 1 L5.5 1 A5.5 5.5 0 0 1 -5.5 1 Z" fill={INK} />
        </>
      )}
    </svg>
  );
}
