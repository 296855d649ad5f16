import type { VoiceMode } from '../../shared/spaces/layout.js';

/**
 * Who may publish voice. In 'stage' mode (a town hall) only the speakers (hosts and moderators
 * on the stage, the floor-mic holder: `hall.speakers`) publish and everyone else listens; in
 * 'open' mode (plaza, halls) everyone may talk to the people near them; in 'off' nobody does.
 * Someone a moderator muted does not publish anywhere in that space.
 */
export function mayPublish(mode: VoiceMode, who: { speaker: boolean; muted: boolean }): boolean {
  if (mode === 'off' || who.muted) return false;
  return mode === 'open' || who.speaker;
}
