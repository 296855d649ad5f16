import type { Page } from '@playwright/test';
import { decodeJwt } from 'jose';
import type { HustingsVoice } from '../../client/testHookTypes.js';
import { VoiceToken } from '../../shared/protocol/api.js';
import { expect, hook } from '../fixtures.js';
import { TONE } from './tone.js';

/**
 * What the voice tests read from a page: its voice state, the audio arriving over WebRTC, what
 * an AnalyserNode hears from one voice, and the tokens the server handed it.
 */

/** A voice counts as heard above this RMS (the tone is played at half scale; silence is ~0). */
const MIN_RMS = 0.01;
/** The tone is found within this many Hz (an AnalyserNode's bins are ~23 Hz wide at 48 kHz). */
const TONE_TOLERANCE_HZ = 30;
/** Inbound bytes must grow by this much to count as audio flowing (Opus sends ~3-4 kB/s). */
const FLOWING_BYTES = 2000;

export function voiceOf(page: Page): Promise<HustingsVoice> {
  return hook(page, (h) => h.voice());
}

export async function inboundBytes(page: Page): Promise<number> {
  return (await hook(page, (h) => h.voiceStats())).bytesReceived;
}

/**
 * What this page's AnalyserNode hears from `identity`: 'the tone', or why not (the last value
 * shows in a failed poll's message).
 */
export async function toneFrom(page: Page, identity: string): Promise<string> {
  const s = await page.evaluate((id) => window.__hustings!.voiceSignal(id), identity);
  if (!s) return 'not subscribed';
  if (s.rms > MIN_RMS && Math.abs(s.peakHz - TONE.hz) <= TONE_TOLERANCE_HZ) return 'the tone';
  return `rms ${s.rms.toFixed(4)}, loudest at ${Math.round(s.peakHz)} Hz`;
}

/** Waits until this page is in its space's LiveKit room, as its avatar, in `mode`. */
export async function expectVoiceJoined(page: Page, mode: HustingsVoice['mode']): Promise<void> {
  const selfId = await hook(page, (h) => h.selfId);
  await expect.poll(async () => {
    const v = await voiceOf(page);
    return { state: v.state, mode: v.mode, identity: v.identity };
  }, { message: 'joined the voice of the space', timeout: 45_000 }).toEqual({ state: 'connected', mode, identity: selfId });
}

/**
 * `listener` hears `speaker`: subscribed to that voice, inbound audio bytes rising, and an
 * AnalyserNode on it finding the test tone.
 */
export async function expectHears(listener: Page, speaker: string, message: string): Promise<void> {
  await expect.poll(async () => (await voiceOf(listener)).subscribed, { message: `${message}: subscribed`, timeout: 45_000 }).toContain(speaker);
  const before = await inboundBytes(listener);
  await expect.poll(() => inboundBytes(listener), { message: `${message}: audio bytes arrive`, timeout: 30_000 }).toBeGreaterThan(before + FLOWING_BYTES);
  await expect.poll(() => toneFrom(listener, speaker), { message: `${message}: the tone is heard`, timeout: 30_000 }).toBe('the tone');
}

/** `speaker` has no published microphone as `listener`'s LiveKit room sees it. */
export async function expectNotPublishing(listener: Page, speaker: string, message: string): Promise<void> {
  await expect.poll(async () => (await voiceOf(listener)).available, { message, timeout: 45_000 }).not.toContain(speaker);
}

/** The voice tokens the server hands this page (POST /api/voice/token), as they arrive. */
export function recordVoiceTokens(page: Page): VoiceToken[] {
  const tokens: VoiceToken[] = [];
  page.on('response', (response) => {
    if (response.request().method() !== 'POST' || new URL(response.url()).pathname !== '/api/voice/token' || !response.ok()) return;
    response.json().then((body) => tokens.push(VoiceToken.parse(body)), () => undefined);
  });
  return tokens;
}

/** What the LiveKit token itself grants (its `video` claim), not what the response says about it. */
export function grantIn(token: VoiceToken): { room?: string; canPublish?: boolean; canSubscribe?: boolean; canPublishSources?: string[] } {
  return decodeJwt(token.token).video as { room?: string; canPublish?: boolean; canSubscribe?: boolean; canPublishSources?: string[] };
}
