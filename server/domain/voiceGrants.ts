import type { SpaceLayout } from '../../shared/spaces/layout.js';

/**
 * Who may publish voice where. In a space with a stage (a town hall) only the speakers (hosts
 * and moderators on the stage, the floor-mic holder: `hall.speakers`) publish; everyone else
 * listens. Elsewhere (plaza, halls) everyone may talk to the people near them.
 */
export type VoiceMode = 'stage' | 'open';

export function voiceModeOf(layout: Pick<SpaceLayout, 'stage'>): VoiceMode {
  return layout.stage ? 'stage' : 'open';
}

export function mayPublish(mode: VoiceMode, sessionId: string, speakers: readonly string[]): boolean {
  return mode === 'open' || speakers.includes(sessionId);
}

/** When the speakers change: whose publish grant to give, and whose to take back. */
export function publishChanges(before: readonly string[], after: readonly string[]): { grant: string[]; revoke: string[] } {
  const was = new Set(before);
  const now = new Set(after);
  return { grant: after.filter((id) => !was.has(id)), revoke: before.filter((id) => !now.has(id)) };
}
