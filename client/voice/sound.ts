import { useVoice } from '../state/voice.js';

/**
 * The one AudioContext every voice plays through (kept for the page's life, across spaces).
 * Browsers start it suspended until the visitor has clicked or pressed a key on the page; the
 * first such gesture resumes it, and until then the HUD offers "Click to turn on sound".
 */
let context: AudioContext | null = null;

function noteState(ctx: AudioContext): void {
  const blocked = ctx.state === 'suspended';
  if (useVoice.getState().soundBlocked !== blocked) useVoice.setState({ soundBlocked: blocked });
}

export function soundContext(): AudioContext {
  if (!context || context.state === 'closed') {
    const ctx = new AudioContext({ latencyHint: 'interactive' });
    ctx.addEventListener('statechange', () => noteState(ctx));
    context = ctx;
    noteState(ctx);
  }
  return context;
}

/** Try to start the sound (from a click, or the hint's button). */
export function resumeSound(): void {
  const ctx = soundContext();
  if (ctx.state === 'suspended') ctx.resume().catch(() => undefined);
}

/** Resume the sound on the first gesture while voice is in use. Returns the cleanup. */
export function resumeSoundOnGesture(): () => void {
  const onGesture = () => {
    if (context?.state === 'suspended') resumeSound();
  };
  const options = { capture: true, passive: true };
  window.addEventListener('pointerdown', onGesture, options);
  window.addEventListener('keydown', onGesture, options);
  return () => {
    window.removeEventListener('pointerdown', onGesture, options);
    window.removeEventListener('keydown', onGesture, options);
  };
}
