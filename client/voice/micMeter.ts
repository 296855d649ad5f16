import { soundContext } from './sound.js';

/**
 * The mic check: an analyser on a copy of our microphone's track, so the meter moves even
 * while the published track is muted (LiveKit mutes by disabling the track itself). The copy
 * goes nowhere but the analyser.
 */
interface Meter { copy: MediaStreamTrack; source: MediaStreamAudioSourceNode; analyser: AnalyserNode }

let meter: Meter | null = null;
let wave = new Float32Array(0);

export function micMeterStart(track: MediaStreamTrack): void {
  micMeterStop();
  const ctx = soundContext();
  const copy = track.clone();
  copy.enabled = true;
  const source = ctx.createMediaStreamSource(new MediaStream([copy]));
  const analyser = new AnalyserNode(ctx, { fftSize: 1024, smoothingTimeConstant: 0.5 });
  source.connect(analyser);
  wave = new Float32Array(analyser.fftSize);
  meter = { copy, source, analyser };
}

export function micMeterStop(): void {
  if (!meter) return;
  meter.source.disconnect();
  meter.copy.stop();
  meter = null;
}

/** How loud the microphone is now, 0..1 on a decibel scale (-60 dB to 0 dB). */
export function micLevel(): number {
  if (!meter) return 0;
  meter.analyser.getFloatTimeDomainData(wave);
  let sum = 0;
  for (const v of wave) sum += v * v;
  const rms = Math.sqrt(sum / wave.length);
  if (rms <= 0) return 0;
  return Math.min(1, Math.max(0, (20 * Math.log10(rms) + 60) / 60));
}
