import { holdToTalk } from './microphone.js';

/** The push-to-talk key: hold V to speak while the microphone is muted. */
const KEY = 'KeyV';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Listen for the push-to-talk key on window. Returns the cleanup. */
export function listenPushToTalk(): () => void {
  const down = (e: KeyboardEvent) => {
    if (e.code !== KEY || e.repeat || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    holdToTalk(true);
  };
  const up = (e: KeyboardEvent) => {
    if (e.code === KEY) holdToTalk(false);
  };
  const release = () => holdToTalk(false);
  window.addEventListener('keydown', down);
  window.addEventListener('keyup', up);
  window.addEventListener('blur', release);
  return () => {
    window.removeEventListener('keydown', down);
    window.removeEventListener('keyup', up);
    window.removeEventListener('blur', release);
    release();
  };
}
