import { describe, expect, it } from 'vitest';
import { chooseVoices, edgeFade, HEARING, voiceLevel, type HeardVoice } from './hearing.js';

const at = (id: string, x: number, stage = false): HeardVoice => ({ id, x, z: 0, stage });
const origin = { x: 0, z: 0 };

describe('which voices a listener subscribes to', () => {
  it('takes voices within range and leaves the far ones', () => {
    const chosen = chooseVoices(origin, [at('near', 2), at('mid', 12), at('far', 40)], new Set());
    expect([...chosen].sort()).toEqual(['mid', 'near']);
  });

  it('always takes the stage, however far', () => {
    expect(chooseVoices(origin, [at('host', 60, true)], new Set())).toEqual(new Set(['host']));
  });

  it('keeps a voice between the enter and leave ranges only if it was already subscribed (no flapping)', () => {
    const edge = at('edge', (HEARING.enterRange + HEARING.leaveRange) / 2);
    expect(chooseVoices(origin, [edge], new Set()).has('edge')).toBe(false);
    expect(chooseVoices(origin, [edge], new Set(['edge'])).has('edge')).toBe(true);
    expect(chooseVoices(origin, [at('edge', HEARING.leaveRange + 0.1)], new Set(['edge'])).has('edge')).toBe(false);
  });

  it('caps nearby voices at maxVoices, nearest first, and the stage comes on top', () => {
    const crowd = Array.from({ length: 40 }, (_, i) => at(`v${i}`, 0.3 * i));
    const chosen = chooseVoices(origin, [...crowd, at('host', 50, true)], new Set());
    expect(chosen.size).toBe(HEARING.maxVoices + 1);
    expect(chosen.has('host')).toBe(true);
    expect(chosen.has('v0')).toBe(true);
    expect(chosen.has(`v${HEARING.maxVoices}`)).toBe(false);
  });

  it('at the cap, a subscribed voice is not dropped for a newcomer only slightly nearer', () => {
    const crowd = Array.from({ length: HEARING.maxVoices }, (_, i) => at(`v${i}`, 1 + 0.1 * i));
    const current = new Set(crowd.map((v) => v.id));
    const last = crowd[crowd.length - 1]!;
    const newcomer = at('new', last.x - 0.5);
    expect(chooseVoices(origin, [...crowd, newcomer], current)).toEqual(current);
    // Much nearer wins the place.
    const close = at('close', 0.2);
    const chosen = chooseVoices(origin, [...crowd, close], current);
    expect(chosen.has('close')).toBe(true);
    expect(chosen.size).toBe(HEARING.maxVoices);
  });
});

describe('how loud a voice is', () => {
  it('is full level close by, clearly audible at conversation distance, and silent by the leave range', () => {
    expect(voiceLevel(1)).toBe(1);
    expect(voiceLevel(3)).toBeGreaterThanOrEqual(0.45);
    expect(voiceLevel(15)).toBeLessThan(0.1);
    expect(voiceLevel(HEARING.leaveRange)).toBe(0);
    for (let d = 0; d < 25; d += 0.5) expect(voiceLevel(d + 0.5)).toBeLessThanOrEqual(voiceLevel(d));
  });

  it('fades linearly over the edge band', () => {
    expect(edgeFade(HEARING.fadeStart)).toBe(1);
    expect(edgeFade((HEARING.fadeStart + HEARING.leaveRange) / 2)).toBeCloseTo(0.5);
  });
});
