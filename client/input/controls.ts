/**
 * What the person is asking their avatar to do, as plain mutable state: keys held, the facing
 * they chose with the mouse or arrows, and a floor point they clicked. Read by the fixed step.
 */
export const controls = {
  keys: new Set<string>(),
  /** Facing chosen by the person (same convention as avatar yaw). */
  yaw: 0,
  /** Camera pitch above the horizon, radians. */
  pitch: 0.35,
  /** A floor point to walk to, or null. */
  target: null as { x: number; z: number } | null,
  /**
   * A stick's deflection, the touch joystick's (client/ui/touch/TouchJoystick.tsx) or a VR
   * thumbstick's (client/xr/VrDriver.tsx), relative to `yaw`: forward and strafe in
   * [-1, 1] like the keys' axes (partial deflection walks slower), and whether it is pushed past
   * its rim to run. Zero when no finger is on it.
   */
  stick: { forward: 0, strafe: 0, run: false },
  /** A gizmo has the pointer (the exhibit editor): keys do not walk, dragging does not turn the view. */
  held: false,
  /** When the gizmo last let go (performance.now()): the click that ends a drag does not walk. */
  releasedAt: -Infinity,
  /** Keys another mode has taken for itself (the editor's nudges on a selected exhibit): they do not walk. */
  claimed: null as ((code: string) => boolean) | null,
};

/** A click this soon after a gizmo let go is the end of the drag, not a wish to walk (ms). */
const RELEASE_SLOP_MS = 300;

const MOVE_CODES = new Set([
  'KeyW', 'KeyA', 'KeyS', 'KeyD', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'ShiftLeft', 'ShiftRight',
]);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Add a listener and get back the function that removes it. */
function listen<K extends keyof WindowEventMap>(target: Window, type: K, fn: (e: WindowEventMap[K]) => void): () => void;
function listen<K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, fn: (e: HTMLElementEventMap[K]) => void): () => void;
function listen<K extends keyof DocumentEventMap>(target: Document, type: K, fn: (e: DocumentEventMap[K]) => void): () => void;
function listen(target: EventTarget, type: string, fn: (e: Event) => void): () => void {
  target.addEventListener(type, fn);
  return () => target.removeEventListener(type, fn);
}

function all(cleanups: (() => void)[]): () => void {
  return () => { for (const c of cleanups) c(); };
}

/** Walk to a floor point (a click on the ground). Any movement key cancels it. */
export function walkTo(x: number, z: number): void {
  if (controls.held || performance.now() - controls.releasedAt < RELEASE_SLOP_MS) return;
  controls.target = { x, z };
}

/** The joystick moved (a finger on it): like a movement key, it cancels a walk to a clicked point. */
export function setStick(forward: number, strafe: number, run: boolean): void {
  const s = controls.stick;
  s.forward = forward;
  s.strafe = strafe;
  s.run = run;
  if (forward !== 0 || strafe !== 0) controls.target = null;
}

/** The finger left the joystick (or the page lost focus). */
export function releaseStick(): void {
  setStick(0, 0, false);
}

export function pressed(code: string): boolean {
  return controls.keys.has(code);
}

/** Listen to the keyboard on window. Returns the cleanup. */
export function attachKeyboard(): () => void {
  const down = (e: KeyboardEvent) => {
    if (!MOVE_CODES.has(e.code) || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (controls.held || controls.claimed?.(e.code)) return;
    controls.keys.add(e.code);
    if (!e.code.startsWith('Shift')) controls.target = null;
    e.preventDefault();
  };
  const up = (e: KeyboardEvent) => {
    controls.keys.delete(e.code);
  };
  const clear = () => {
    controls.keys.clear();
    releaseStick();
  };
  return all([
    listen(window, 'keydown', down),
    listen(window, 'keyup', up),
    listen(window, 'blur', clear),
    listen(document, 'visibilitychange', clear),
    clear,
  ]);
}

const DRAG_YAW_PER_PX = 0.006;
const DRAG_PITCH_PER_PX = 0.004;

/** Dragging on the canvas turns the avatar (and tilts the camera). Returns the cleanup. */
export function attachDragLook(el: HTMLElement): () => void {
  let active = -1;
  let lastX = 0;
  let lastY = 0;
  const down = (e: PointerEvent) => {
    if (e.button !== 0) return;
    active = e.pointerId;
    lastX = e.clientX;
    lastY = e.clientY;
  };
  const move = (e: PointerEvent) => {
    if (e.pointerId !== active) return;
    if (controls.held) {
      lastX = e.clientX;
      lastY = e.clientY;
      return;
    }
    const dx = e.clientX - lastX;
    const dy = e.clientY - lastY;
    lastX = e.clientX;
    lastY = e.clientY;
    controls.yaw -= dx * DRAG_YAW_PER_PX;
    controls.pitch = Math.max(0.05, Math.min(1.2, controls.pitch + dy * DRAG_PITCH_PER_PX));
  };
  const up = (e: PointerEvent) => {
    if (e.pointerId === active) active = -1;
  };
  return all([
    listen(el, 'pointerdown', down),
    listen(window, 'pointermove', move),
    listen(window, 'pointerup', up),
    listen(window, 'pointercancel', up),
  ]);
}
