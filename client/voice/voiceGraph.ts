import { edgeFade, HEARING } from '../../shared/voice/hearing.js';

/**
 * The WebAudio nodes of one remote voice, in the order livekit-client wires them between the
 * track's source and the speakers: an analyser (what the test hook hears, before panning), a
 * PannerNode that places the voice at its avatar's mouth, and a gain for the fade at the edge
 * of hearing range.
 */
export interface VoiceChain {
  analyser: AnalyserNode;
  panner: PannerNode;
  fade: GainNode;
  /** How the panner is set up now (stage voices are not attenuated); null before first placed. */
  stage: boolean | null;
}

/** Far enough that an inverse-distance panner never attenuates within a space. */
const STAGE_REF_DISTANCE = 10_000;
/** Smoothing of position and gain changes (seconds), so moving voices do not click. */
const GLIDE = 0.06;

export function createChain(ctx: AudioContext): VoiceChain {
  const analyser = new AnalyserNode(ctx, { fftSize: 2048, smoothingTimeConstant: 0.2 });
  const panner = new PannerNode(ctx, {
    panningModel: 'HRTF',
    distanceModel: 'inverse',
    refDistance: HEARING.refDistance,
    rolloffFactor: HEARING.rolloffFactor,
    maxDistance: STAGE_REF_DISTANCE,
  });
  const fade = new GainNode(ctx, { gain: 1 });
  return { analyser, panner, fade, stage: null };
}

/** The nodes to hand to RemoteAudioTrack.setWebAudioPlugins, in order. */
export function chainNodes(chain: VoiceChain): AudioNode[] {
  return [chain.analyser, chain.panner, chain.fade];
}

function glide(param: AudioParam, value: number, now: number, jump: boolean): void {
  if (jump) {
    param.cancelScheduledValues(now);
    param.setValueAtTime(value, now);
  } else {
    param.setTargetAtTime(value, now, GLIDE);
  }
}

/**
 * Put a voice at (x, y, z). Stage voices are heard by everyone at full level: still placed at
 * the speaker (so they come from the stage), but with no distance attenuation or edge fade.
 * `distance` is from the listener, on the floor plane.
 */
export function placeVoice(ctx: AudioContext, chain: VoiceChain, x: number, y: number, z: number, distance: number, stage: boolean): void {
  const now = ctx.currentTime;
  const first = chain.stage === null;
  if (chain.stage !== stage) {
    chain.panner.refDistance = stage ? STAGE_REF_DISTANCE : HEARING.refDistance;
    chain.stage = stage;
  }
  glide(chain.panner.positionX, x, now, first);
  glide(chain.panner.positionY, y, now, first);
  glide(chain.panner.positionZ, z, now, first);
  glide(chain.fade.gain, stage ? 1 : edgeFade(distance), now, first);
}

/**
 * Put the listener's ears at (x, y, z) facing `yaw` (avatar convention: yaw 0 faces -z,
 * positive turns left), with up = +y.
 */
export function placeListener(ctx: AudioContext, x: number, y: number, z: number, yaw: number): void {
  const fx = -Math.sin(yaw);
  const fz = -Math.cos(yaw);
  const listener = ctx.listener;
  if (listener.positionX) {
    const now = ctx.currentTime;
    glide(listener.positionX, x, now, false);
    glide(listener.positionY, y, now, false);
    glide(listener.positionZ, z, now, false);
    glide(listener.forwardX, fx, now, false);
    glide(listener.forwardY, 0, now, false);
    glide(listener.forwardZ, fz, now, false);
    glide(listener.upX, 0, now, false);
    glide(listener.upY, 1, now, false);
    glide(listener.upZ, 0, now, false);
  } else {
    // Browsers without AudioParams on the listener (Firefox) still have the older setters.
    listener.setPosition(x, y, z);
    listener.setOrientation(fx, 0, fz, 0, 1, 0);
  }
}

/** What the analyser hears now: RMS of the waveform (0..1) and the loudest frequency in Hz. */
export function listen(ctx: AudioContext, chain: VoiceChain): { rms: number; peakHz: number } {
  const { analyser } = chain;
  const wave = new Float32Array(analyser.fftSize);
  analyser.getFloatTimeDomainData(wave);
  let sum = 0;
  for (const v of wave) sum += v * v;
  const spectrum = new Float32Array(analyser.frequencyBinCount);
  analyser.getFloatFrequencyData(spectrum);
  let peak = 1;
  for (let i = 2; i < spectrum.length - 1; i++) if (spectrum[i]! > spectrum[peak]!) peak = i;
  // Between bins: the vertex of the parabola through the loudest bin and its neighbours.
  const [a, b, c] = [spectrum[peak - 1]!, spectrum[peak]!, spectrum[peak + 1]!];
  const bend = a - 2 * b + c;
  const offset = Number.isFinite(bend) && bend < 0 ? (0.5 * (a - c)) / bend : 0;
  return { rms: Math.sqrt(sum / wave.length), peakHz: ((peak + offset) * ctx.sampleRate) / analyser.fftSize };
}
