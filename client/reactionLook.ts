import type { Reaction } from '../shared/protocol/townhall.js';

/**
 * How reactions and the raised hand look, in the 3D view (icon atlas) and in the overlays
 * (buttons, totals) alike: a disc in a colour, a dark mark on it, and a name.
 */
export const ICON_COLOUR: Record<Reaction | 'hand', string> = {
  hand: '#ffd166',
  applause: '#ffb38a',
  agree: '#7be0a6',
  disagree: '#ff9a8a',
  laugh: '#ffe07a',
};

export const ICON_INK = '#2a1d12';

export const REACTION_LABEL: Record<Reaction, string> = { applause: 'Applause', agree: 'Agree', disagree: 'Disagree', laugh: 'Laugh' };
