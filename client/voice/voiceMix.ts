import type { RemoteAudioTrack } from 'livekit-client';
import { HEARING } from '../../shared/voice/hearing.js';
import { world } from '../state/world.js';
import { chainNodes, createChain, listen, placeListener, placeVoice, type VoiceChain } from './voiceGraph.js';

interface HeardTrack {
  track: RemoteAudioTrack;
  chain: VoiceChain;
  /** The muted element livekit-client feeds the graph from (Chrome only delivers remote audio to one). */
  element: HTMLMediaElement;
}

/**
 * The remote voices we are subscribed to, each through its own chain, placed in space: every
 * tick the listener moves to our avatar's head and each voice to its speaker's.
 */
export class VoiceMix {
  private readonly heard = new Map<string, HeardTrack>();

  constructor(private readonly ctx: AudioContext) {}

  /** A voice was subscribed: route it through a new chain (replacing any older track of theirs). */
  add(identity: string, track: RemoteAudioTrack): void {
    this.remove(identity);
    const chain = createChain(this.ctx);
    track.setWebAudioPlugins(chainNodes(chain));
    const element = track.attach();
    this.heard.set(identity, { track, chain, element });
    this.placeOne(identity, chain);
  }

  remove(identity: string, track?: RemoteAudioTrack): void {
    const heard = this.heard.get(identity);
    if (!heard || (track && heard.track !== track)) return;
    this.heard.delete(identity);
    heard.track.detach(heard.element);
    heard.track.setWebAudioPlugins([]);
    heard.element.srcObject = null;
  }

  clear(): void {
    for (const identity of [...this.heard.keys()]) this.remove(identity);
  }

  identities(): string[] {
    return [...this.heard.keys()].sort();
  }

  /** Move the listener and every voice to where their avatars are drawn now. */
  place(): void {
    if (world.selfReady) {
      const self = world.self;
      placeListener(this.ctx, self.drawn.x, self.drawn.base + HEARING.headHeight, self.drawn.z, self.render.yaw);
    }
    for (const [identity, heard] of this.heard) this.placeOne(identity, heard.chain);
  }

  private placeOne(identity: string, chain: VoiceChain): void {
    const remote = world.remotes.get(identity);
    const stage = world.speakers.has(identity);
    // A voice whose avatar we do not know (yet) is left where it was; a new one starts at our ears.
    const at = remote?.drawn ?? (chain.stage === null ? world.self.drawn : null);
    if (!at) return;
    const self = world.self.drawn;
    const distance = Math.hypot(at.x - self.x, at.z - self.z);
    placeVoice(this.ctx, chain, at.x, at.base + HEARING.headHeight, at.z, distance, stage);
  }

  /** What the analyser on this voice hears now (test hook), if we are subscribed to it. */
  signal(identity: string): { rms: number; peakHz: number } | undefined {
    const heard = this.heard.get(identity);
    return heard ? listen(this.ctx, heard.chain) : undefined;
  }

  /** Inbound audio so far over every voice we hear (getStats inbound-rtp). */
  async received(): Promise<{ bytesReceived: number; packetsReceived: number }> {
    const totals = { bytesReceived: 0, packetsReceived: 0 };
    const reports = await Promise.all([...this.heard.values()].map((h) => h.track.getRTCStatsReport().catch(() => undefined)));
    for (const report of reports) {
      report?.forEach((stat: { type?: string; kind?: string; bytesReceived?: number; packetsReceived?: number }) => {
        if (stat.type !== 'inbound-rtp' || (stat.kind !== undefined && stat.kind !== 'audio')) return;
        totals.bytesReceived += stat.bytesReceived ?? 0;
        totals.packetsReceived += stat.packetsReceived ?? 0;
      });
    }
    return totals;
  }
}
