import fs from 'node:fs';
import path from 'node:path';

/**
 * The steady tone every fake microphone plays in the voice tests: Chromium's
 * `--use-file-for-fake-audio-capture` loops a WAV file, so a listener's AnalyserNode finds this
 * frequency when, and only when, that voice reaches it.
 */
export const TONE = { hz: 440, sampleRate: 48_000, seconds: 4, amplitude: 0.5 } as const;

/** 16-bit mono PCM WAV of a sine at `hz`; a whole number of cycles, so the loop has no click. */
export function toneWav(tone: { hz: number; sampleRate: number; seconds: number; amplitude: number } = TONE): Buffer {
  const samples = Math.round(tone.sampleRate * tone.seconds);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const v = Math.sin((2 * Math.PI * tone.hz * i) / tone.sampleRate) * tone.amplitude;
    data.writeInt16LE(Math.round(v * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(tone.sampleRate, 24);
  header.writeUInt32LE(tone.sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/**
 * Writes the tone into `dir` once and returns its absolute path. The Playwright config runs in
 * every worker: the file is written under a temporary name and renamed, so a reader never sees
 * half of it.
 */
export function ensureToneFile(dir: string): string {
  const file = path.resolve(dir, `tone-${TONE.hz}hz.wav`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const partial = `${file}.${process.pid}.part`;
  fs.writeFileSync(partial, toneWav());
  fs.renameSync(partial, file);
  return file;
}
