import { Box3, Vector3 } from 'three';
import { remoteVrPoses, useVr } from './state/vr.js';
import { currentState } from './net/connection.js';
import { useAccount } from './state/account.js';
import { useEditor } from './state/editor.js';
import { useExhibits } from './state/exhibits.js';
import { answeringQuestion, useHall } from './state/hall.js';
import { useUi } from './state/ui.js';
import { useGraphics } from './state/graphics.js';
import { world } from './state/world.js';
import { ballotBars, stageScreenShown, useBallots } from './state/ballots.js';
import { benchCrowd } from './benchCrowd.js';
import { forcePublish, voiceProbe, voiceSignal, voiceStats } from './voice/probes.js';
import { exhibitObjects } from './scene/exhibits/registry.js';
import { useConsensus } from './state/consensus.js';
import type { HustingsAvatarInfo, HustingsTestHook } from './testHookTypes.js';

/**
 * Read-only probes for browser tests. main.tsx imports this module only when
 * import.meta.env.MODE === 'test', so production bundles do not contain it.
 */
const point = new Vector3();
const bounds = new Box3();

/**
 * Twins' probes load the twin code (every model in shared/sim) when first asked, so that the
 * test build loads nothing before the first frame that the real one does not (bench:firstload).
 */
const twinProbes = () => import('./testHookTwins.js');

const hook: HustingsTestHook = {
  get ready() {
    return useUi.getState().status === 'connected' && world.selfReady && world.framesSinceSelf > 0;
  },
  get selfId() {
    return useUi.getState().selfId || undefined;
  },
  get spaceId() {
    return useUi.getState().spaceId || undefined;
  },
  get status() {
    return useUi.getState().status;
  },
  self() {
    // The server's latest word on our pose (motion frames), as reconciliation uses it.
    if (!world.selfReady || !currentState()) return undefined;
    const { x, z, yaw } = world.self.server;
    return { x, z, yaw };
  },
  predicted() {
    if (!world.selfReady) return undefined;
    const { x, z, yaw } = world.self.curr;
    return { x, z, yaw };
  },
  avatars() {
    const state = currentState();
    const out: HustingsAvatarInfo[] = [];
    state?.avatars.forEach((a, id) => {
      // Poses: the latest motion frame for others, the server's word for ourselves.
      const last = world.remotes.get(id)?.snaps.at(-1);
      const own = id === world.selfId && world.selfReady ? world.self.server : undefined;
      const at = own ?? last ?? a;
      out.push({
        id, name: a.name, x: at.x, z: at.z, connected: a.connected, role: a.role,
        seat: typeof a.seat === 'number' ? a.seat : -1, hand: typeof a.hand === 'number' ? a.hand : 0,
        look: typeof a.look === 'number' ? a.look : 0,
      });
    });
    return out;
  },
  benchCrowd(n: number) {
    benchCrowd(n);
  },
  me() {
    return useAccount.getState().session?.me ?? null;
  },
  hall() {
    const h = useHall.getState();
    if (!h.active) return undefined;
    return {
      eventId: h.event.id,
      eventState: h.event.state,
      title: h.event.title,
      thanks: h.event.thanks,
      answering: answeringQuestion(h)?.text ?? '',
      questions: h.questions.map((q) => ({ id: q.id, text: q.text, votes: q.votes, state: q.state })),
      floor: { ...h.floor },
      speakers: [...h.speakers],
      present: h.present,
    };
  },
  queue() {
    const q = useHall.getState().queue;
    return q ? structuredClone(q) : null;
  },
  mine() {
    const m = useHall.getState().mine;
    return m ? structuredClone(m) : null;
  },
  editor() {
    const x = useExhibits.getState();
    const { history } = useEditor.getState();
    return { editMode: x.editMode, selectedId: x.selectedId, undo: history.undo, redo: history.redo, dirty: x.draftDirty };
  },
  exhibits() {
    const { shown, shownDraft } = useExhibits.getState();
    return shown.map((e) => ({
      id: e.id, kind: e.content.kind, title: e.title,
      x: e.transform.x, y: e.transform.y, z: e.transform.z, ry: e.transform.ry, scale: e.transform.scale,
      draft: shownDraft,
    }));
  },
  openExhibit() {
    return useExhibits.getState().openId;
  },
  ballots() {
    return useBallots.getState().ballots.map((b) => ({
      id: b.ballot.id, title: b.ballot.title, phase: b.ballot.phase, onStage: b.ballot.onStage, hidden: b.hidden,
      votesFor: b.proposals.map((p) => p.counted?.for ?? null), bars: [...(ballotBars.get(b.ballot.id) ?? [])],
    }));
  },
  stageBallot() {
    const shown = stageScreenShown.current;
    return shown ? { ...shown, values: [...shown.values] } : null;
  },
  highlightedExhibit() {
    return useExhibits.getState().nearId;
  },
  remote(id) {
    const remote = world.remotes.get(id);
    if (!remote) return undefined;
    const { x, z, yaw } = remote.render;
    return { x, z, yaw };
  },
  renderInfo() {
    const info = world.view.gl?.info.render;
    return { calls: info?.calls ?? 0, triangles: info?.triangles ?? 0, frame: world.frame };
  },
  graphics() {
    const { choice, settings } = useGraphics.getState();
    const gl = world.view.gl;
    return {
      choice, tier: settings.tier, because: [...settings.because], nameTags: settings.nameTags,
      pixelRatio: gl?.getPixelRatio() ?? 0, shadows: gl?.shadowMap.enabled ?? false,
    };
  },
  voice: voiceProbe,
  voiceStats,
  voiceSignal,
  forcePublish,
  async twins() {
    return (await twinProbes()).twins();
  },
  async simulate(model, params, seed) {
    return (await twinProbes()).simulate(model, params, seed);
  },
  twinButton(exhibitId, lever, direction) {
    const button = exhibitObjects.get(exhibitId)?.getObjectByName(`twin:${exhibitId}:${lever}:${direction}`);
    if (!button) return undefined;
    button.getWorldPosition(point);
    return { x: point.x, y: point.y, z: point.z };
  },
  project(x, y, z) {
    const { gl, camera } = world.view;
    if (!gl || !camera) return undefined;
    point.set(x, y, z).project(camera);
    const rect = gl.domElement.getBoundingClientRect();
    return { x: rect.left + ((point.x + 1) / 2) * rect.width, y: rect.top + ((1 - point.y) / 2) * rect.height };
  },
  vr() {
    const v = useVr.getState();
    return {
      supported: v.supported, phase: v.phase, error: v.error, presenting: world.xr.presenting, frames: world.xr.frames,
      origin: { ...world.xr.origin },
      floor: Number.isFinite(world.xr.floor.at) ? { x: world.xr.floor.x, z: world.xr.floor.z, ok: world.xr.floor.ok } : null,
      remote: [...remoteVrPoses].map(([id, p]) => ({ id, head: [...p.head], left: p.left ? [...p.left] : null, right: p.right ? [...p.right] : null })),
      seated: v.seated,
      vignette: v.vignette,
    };
  },
  vrButton(name) {
    const button = world.view.scene?.getObjectByName(name);
    if (!button) return undefined;
    button.getWorldPosition(point);
    return { x: point.x, y: point.y, z: point.z };
  },
  sceneText(name) {
    const label = world.view.scene?.getObjectByName(name) as { text?: unknown } | undefined;
    return typeof label?.text === 'string' ? label.text : undefined;
  },
  consensus() {
    const { conversation, analysis, mine, pending } = useConsensus.getState();
    if (!conversation) return undefined;
    const mesh = world.view.scene?.getObjectByName('consensus-points') as { count?: unknown } | undefined;
    return {
      question: conversation.question,
      statements: conversation.statements.length,
      groups: analysis?.groups.map((g) => g.size) ?? [],
      points: analysis?.points.length ?? 0,
      drawn: typeof mesh?.count === 'number' ? mesh.count : 0,
      votes: mine?.votes.length ?? 0,
      next: mine?.next.map((s) => s.number) ?? [],
      group: mine?.place?.group ?? null,
      run: analysis?.run ?? 0,
      pending: pending?.map((p) => p.number) ?? null,
      source: conversation.source,
    };
  },
  pinCamera(position, target) {
    world.view.pin = position && target ? { position: [...position], target: [...target] } : null;
  },
  exhibitCentre(id) {
    const object = exhibitObjects.get(id);
    if (!object) return undefined;
    bounds.setFromObject(object).getCenter(point);
    return { x: point.x, y: point.y, z: point.z };
  },
};

Object.defineProperty(window, '__hustings', { value: Object.freeze(hook), configurable: false, writable: false });
