import { describe, expect, it } from 'vitest';
import { SPACES } from '../../shared/spaces/catalog.js';
import { mayPublish, publishChanges, voiceModeOf } from './voiceGrants.js';

describe('voice grants', () => {
  it('lets only the speakers publish in a town hall, and everyone elsewhere', () => {
    expect(voiceModeOf(SPACES.get('townhall')!)).toBe('stage');
    expect(voiceModeOf(SPACES.get('plaza')!)).toBe('open');
    expect(voiceModeOf(SPACES.get('hall-1')!)).toBe('open');
    expect(mayPublish('stage', 'a', ['host', 'a'])).toBe(true);
    expect(mayPublish('stage', 'b', ['host', 'a'])).toBe(false);
    expect(mayPublish('open', 'b', [])).toBe(true);
  });

  it('turns a change of speakers into grants given and taken back', () => {
    expect(publishChanges(['host'], ['host', 'ben'])).toEqual({ grant: ['ben'], revoke: [] });
    expect(publishChanges(['host', 'ben'], ['host'])).toEqual({ grant: [], revoke: ['ben'] });
    expect(publishChanges(['host', 'ben'], ['ava'])).toEqual({ grant: ['ava'], revoke: ['host', 'ben'] });
    expect(publishChanges([], [])).toEqual({ grant: [], revoke: [] });
  });
});
