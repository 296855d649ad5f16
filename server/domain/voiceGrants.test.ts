import { describe, expect, it } from 'vitest';
import { SPACES } from '../../shared/spaces/catalog.js';
import { voiceModeOf } from '../../shared/spaces/layout.js';
import { mayPublish } from './voiceGrants.js';

describe('who may publish voice', () => {
  it('runs town halls in stage mode and the plaza and halls open, unless a space says otherwise', () => {
    expect(voiceModeOf(SPACES.get('townhall')!)).toBe('stage');
    expect(voiceModeOf(SPACES.get('plaza')!)).toBe('open');
    expect(voiceModeOf(SPACES.get('hall-1')!)).toBe('open');
    expect(voiceModeOf({ ...SPACES.get('plaza')!, voice: 'off' })).toBe('off');
    expect(voiceModeOf({ ...SPACES.get('townhall')!, voice: 'open' })).toBe('open');
  });

  it('lets only speakers publish on a stage, everyone in the open, nobody when off, and never the muted', () => {
    const table: [Parameters<typeof mayPublish>[0], boolean, boolean, boolean][] = [
      ['stage', true, false, true],
      ['stage', false, false, false],
      ['stage', true, true, false],
      ['open', false, false, true],
      ['open', false, true, false],
      ['off', true, false, false],
    ];
    for (const [mode, speaker, muted, expected] of table) expect(mayPublish(mode, { speaker, muted }), `${mode} speaker=${speaker} muted=${muted}`).toBe(expected);
  });
});
