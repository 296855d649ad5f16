import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { startLocalLivekit } from './localLivekit.js';
import { createVoice, type Voice } from './voice.js';

export interface VoiceService {
  /** Undefined when voice is off or LiveKit could not be started: the world works without it. */
  voice: Voice | undefined;
  /** What browsers connect to: null means this site's own /livekit (proxied to the embedded LiveKit). */
  publicUrl: string | null;
  /** The embedded LiveKit's port, for the same-origin proxy (undefined with an external LiveKit). */
  proxyPort: number | undefined;
  /** The embedded LiveKit's process, for benchmarks and tests. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

/**
 * Voice as configured: an external LiveKit (LIVEKIT_URL + key + secret), or the embedded
 * livekit-server started here and stopped with the app, or none (VOICE=off, or not installed).
 */
export async function startVoice(config: Config, log: Logger): Promise<VoiceService> {
  const none: VoiceService = { voice: undefined, publicUrl: null, proxyPort: undefined, pid: () => undefined, stop: async () => {} };
  if (config.VOICE === 'off') return none;
  if (config.LIVEKIT_URL && config.LIVEKIT_API_KEY && config.LIVEKIT_API_SECRET) {
    const endpoint = { url: config.LIVEKIT_URL, apiKey: config.LIVEKIT_API_KEY, apiSecret: config.LIVEKIT_API_SECRET };
    log.info({ url: endpoint.url }, 'voice: external LiveKit');
    return { ...none, voice: createVoice(endpoint), publicUrl: config.LIVEKIT_PUBLIC_URL ?? endpoint.url };
  }
  try {
    const local = await startLocalLivekit({ dataDir: config.dataDir, port: config.LIVEKIT_PORT, log, binary: config.LIVEKIT_BINARY });
    if (!local) return none;
    return { voice: createVoice(local), publicUrl: null, proxyPort: config.LIVEKIT_PORT, pid: () => local.pid, stop: () => local.stop() };
  } catch (err) {
    log.warn({ err }, 'voice unavailable: the embedded livekit-server did not start');
    return none;
  }
}
