import type { Me } from '../shared/protocol/api.js';
import type { ModerationQueue, MyQuestions } from '../shared/protocol/townhall.js';

/**
 * The shape of `window.__hustings`, defined only in `--mode test` builds (client/testHook.ts)
 * and read by the e2e specs (e2e/fixtures.ts declares the Window property with it).
 */

export interface HustingsPose { x: number; z: number; yaw: number }

export interface HustingsAvatarInfo {
  id: string;
  name: string;
  x: number;
  z: number;
  connected: boolean;
  /** The badge the server gave this avatar (a Role; 'visitor' shows none). */
  role: string;
  /** Town hall: the seat index (-1 standing) and the raised hand's place (0 for none). */
  seat: number;
  hand: number;
  /** The packed look (shared/protocol/look.ts unpackLook), 0 for none. */
  look: number;
}

/** The town hall's state as this client last received it (client/state/hall.ts). */
export interface HustingsHall {
  eventId: string;
  eventState: 'none' | 'scheduled' | 'live' | 'ended';
  title: string;
  /** The host's closing note ('' for none). */
  thanks: string;
  /** The text of the question being answered, or ''. */
  answering: string;
  questions: { id: string; text: string; votes: number; state: 'approved' | 'answering' | 'answered' }[];
  floor: { holder: string; name: string; endsAt: number };
  speakers: string[];
  present: number;
}

/** Voice as this client sees it (client/voice). Identities are avatar session ids. */
export interface HustingsVoice {
  /** 'off': no voice in this space (or not started); 'unavailable': LiveKit unreachable, retrying. */
  state: 'off' | 'connecting' | 'connected' | 'unavailable';
  /** The space's voice mode from the token ('' before one was issued). */
  mode: 'open' | 'stage' | 'off' | '';
  /** Our LiveKit identity (our avatar's session id), '' before connecting. */
  identity: string;
  /** What LiveKit currently allows us (follows the server's live grant changes). */
  canPublish: boolean;
  /** Our microphone track is published and not muted. */
  publishing: boolean;
  /** Our microphone as the UI knows it: off, being published, or on (then `muted` says whether it is heard). */
  mic: 'off' | 'starting' | 'on';
  muted: boolean;
  /** Why the microphone is not on (refused, not allowed here), or null. */
  micNote: string | null;
  /** Remote voices we are subscribed to. */
  subscribed: string[];
  /** Remote participants with a published microphone, subscribed or not. */
  available: string[];
  /** LiveKit's active speakers (ours included). */
  speaking: string[];
}

/** The curator's edit mode as this client last knew it (client/state/editor.ts, state/exhibits.ts). */
export interface HustingsEditor {
  editMode: boolean;
  /** The selected exhibit's id, or ''. */
  selectedId: string;
  /** How many of one's own operations can be undone and redone (the server's EditHistory). */
  undo: number;
  redo: number;
  /** The draft differs from the published version. */
  dirty: boolean;
}

/** A ballot of the space: its state, counted votes for per proposal, and the ballot stand's bars. */
export interface HustingsBallot {
  id: string;
  title: string;
  phase: 'scheduled' | 'open' | 'closed';
  onStage: boolean;
  hidden: boolean;
  /** Votes for from counted voters, per proposal in order (null while hidden). */
  votesFor: (number | null)[];
  /** The stand's bar heights this frame (empty when the stand does not show this ballot). */
  bars: number[];
}

/** An exhibit as drawn: where it stands, and whether it is the draft (edit mode) or published. */
export interface HustingsExhibit {
  id: string;
  kind: string;
  title: string;
  x: number;
  y: number;
  z: number;
  ry: number;
  scale: number;
  draft: boolean;
}

/** One run of a twin as this page has it. */
export interface HustingsTwinRun {
  /** The scenario's key: model@version;seed=..;lever=... */
  key: string;
  status: 'none' | 'running' | 'done' | 'refused' | 'failed';
  metrics: Record<string, number> | null;
}

export interface HustingsTwin {
  id: string;
  model: string;
  official: HustingsTwinRun;
  /** The visitor's own scenario, or null when they have not moved a lever. */
  mine: HustingsTwinRun | null;
  /** Frames of the shown scenario received from the worker so far, and where its first car is now (0..1). */
  frames: number;
  firstCar: number | null;
}

/** VR as this page has it (see client/xr). */
export interface HustingsVr {
  /** The browser offers immersive-vr (the Enter VR button shows). */
  supported: boolean;
  phase: 'off' | 'starting' | 'in';
  error: string | null;
  /** three.js is presenting to the headset. */
  presenting: boolean;
  /** XR frames the VR driver has run this session. */
  frames: number;
  /** The player's origin (feet) in world metres and its yaw: tracked poses are relative to it. */
  origin: { x: number; y: number; z: number; yaw: number };
  /** The floor point a controller's ray last touched, and whether a teleport there is allowed. */
  floor: { x: number; z: number; ok: boolean } | null;
  /** Other VR visitors' head and hands as received (relative to their avatars). */
  remote: { id: string; head: number[]; left: number[] | null; right: number[] | null }[];
  /** Comfort settings: seated mode and the vignette. */
  seated: boolean;
  vignette: boolean;
}

export interface HustingsTestHook {
  /** True once joined, our avatar is in the state and a frame has been drawn since. */
  readonly ready: boolean;
  readonly selfId: string | undefined;
  readonly spaceId: string | undefined;
  readonly status: 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
  /** Bench only: n made-up people walking around us, drawn as real ones are (0 removes them). */
  benchCrowd(n: number): void;
  /** Our avatar as the server last acknowledged it (from room state). */
  self(): HustingsPose | undefined;
  /** Our locally predicted pose. */
  predicted(): HustingsPose | undefined;
  /** Every avatar in the room state. */
  avatars(): HustingsAvatarInfo[];
  /** The signed-in account on this browser, or null (guests). */
  me(): Me | null;
  /** The town hall's state (undefined outside town halls). */
  hall(): HustingsHall | undefined;
  /** The last moderation queue received (moderators), or null. */
  queue(): ModerationQueue | null;
  /** The last word on this person's own questions and votes, or null. */
  mine(): MyQuestions | null;
  /** The curator's edit mode. */
  editor(): HustingsEditor;
  /** The exhibits drawn in this space, in tour order (the draft in edit mode, the published ones otherwise). */
  exhibits(): HustingsExhibit[];
  /** The id of the exhibit whose detail overlay is open, or ''. */
  openExhibit(): string;
  /** The space's ballots as this client last heard, with the stand's bar heights as drawn (metres). */
  ballots(): HustingsBallot[];
  /** The ballot the town hall's stage screen draws now (its header line and bar numbers), or null. */
  stageBallot(): { ballotId: string; header: string; hidden: boolean; values: number[] } | null;
  /** The highlighted exhibit (stood near, or reached with Tab), or ''. */
  highlightedExhibit(): string;
  /** The interpolated pose drawn for a remote avatar this frame. */
  remote(id: string): HustingsPose | undefined;
  renderInfo(): { calls: number; triangles: number; frame: number };
  /** The graphics tier in effect (client/state/graphics.ts) and what the renderer does with it. */
  graphics(): HustingsGraphics;
  /** Voice state (see HustingsVoice). */
  voice(): HustingsVoice;
  /** Inbound audio over WebRTC so far, summed over every subscribed voice (getStats inbound-rtp). */
  voiceStats(): Promise<{ bytesReceived: number; packetsReceived: number }>;
  /**
   * What an AnalyserNode on that remote voice hears now (before panning): RMS 0..1 and the
   * loudest frequency in Hz; undefined when not subscribed.
   */
  voiceSignal(identity: string): { rms: number; peakHz: number } | undefined;
  /**
   * Tries to publish the microphone whatever the UI shows (a forged client): resolves with the
   * error message when LiveKit or the client refuses, or 'published'.
   */
  forcePublish(): Promise<string>;
  /** The digital twins on show in this space: their scenarios, runs and what is animated. */
  twins(): Promise<HustingsTwin[]>;
  /**
   * Runs a scenario of a twin model in this page's twin worker (as an exhibit would) and
   * resolves with its outcomes, or rejects with the refusal. For comparing with Node.
   */
  simulate(model: string, params: Record<string, number>, seed: number): Promise<Record<string, number>>;
  /** Where a twin's in-world lever button is (world metres), once drawn. */
  twinButton(exhibitId: string, lever: string, direction: 'up' | 'down'): { x: number; y: number; z: number } | undefined;
  /** Viewport CSS pixel coordinates of a world point (for page.mouse.click), if drawn yet. */
  project(x: number, y: number, z: number): { x: number; y: number } | undefined;
  /** VR state (see HustingsVr). */
  vr(): HustingsVr;
  /** Screenshots: hold the camera at `position` looking at `target` (world metres); null and null give it back to the rig. */
  pinCamera(position: [number, number, number] | null, target: [number, number, number] | null): void;
  /** The centre of an exhibit's drawn bounds (world metres), once drawn. */
  exhibitCentre(id: string): { x: number; y: number; z: number } | undefined;
  /** Where a VR panel button (by its name, e.g. 'vr-hand', 'vr-vote:<id>') is in the world, if it is shown. */
  vrButton(name: string): { x: number; y: number; z: number } | undefined;
  /** The text a named 3D label draws now (a troika Text in the scene), or undefined. */
  sceneText(name: string): string | undefined;
  /** The space's consensus question as this page has it (client/state/consensus.ts), or undefined without one. */
  consensus(): HustingsConsensus | undefined;
}

/** The consensus question, its latest analysis and one's own votes, as this page has them. */
export interface HustingsConsensus {
  question: string;
  statements: number;
  /** Opinion groups in the latest analysis, with their sizes. */
  groups: number[];
  /** Participants on the map, and how many points the 3D constellation draws. */
  points: number;
  drawn: number;
  votes: number;
  next: number[];
  /** Our group (-1: on the map, in no group yet), or null when we are not on the map. */
  group: number | null;
  /** The latest analysis's run number (0: none yet). */
  run: number;
  /** Moderators: the numbers of the statements waiting for one (null: not loaded). */
  pending: number[] | null;
  source: 'here' | 'imported';
}

/** The graphics tier: the visitor's choice, the tier it gives, and the renderer's pixel ratio and shadows. */
export interface HustingsGraphics {
  choice: 'auto' | 'low' | 'high';
  tier: 'low' | 'high';
  /** Why the automatic tier is low here ('handheld', 'little memory', 'software rendering'). */
  because: string[];
  nameTags: number;
  pixelRatio: number;
  shadows: boolean;
}
