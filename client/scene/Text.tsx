import { lazyRetry } from '../lazyRetry.js';
import type { Text as DreiText } from '@react-three/drei';
import { Component, Suspense, useSyncExternalStore, type ComponentProps, type ReactNode } from 'react';

const LazyText = lazyRetry(() => import('./text3d.js').then((m) => ({ default: m.Text })));

/** How long after the first frame with oneself in it 3D text starts loading (ms). */
const AFTER_FIRST_FRAME = 300;

let allowed = false;
let asked = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
};
const mayLoad = () => allowed;

/**
 * Called each frame by <FrameProbe> once the visitor is in the world: a moment after the first
 * such frame, 3D text may load (it then never competes with arriving).
 */
export function firstFrameDrawn(): void {
  if (asked) return;
  asked = true;
  setTimeout(() => {
    allowed = true;
    for (const listener of listeners) listener();
  }, AFTER_FIRST_FRAME);
}

/** Labels that could not load stay undrawn; the world around them goes on (a lazy chunk's error would unmount it). */
class WithoutText extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * 3D text (drei's <Text>, troika and its SDF generator: about 40 kB gzip) loaded once the first
 * frame with the visitor in it has been drawn, not before it (nor, as it was, in a race with it);
 * each label appears once it is typeset.
 */
export function Text(props: ComponentProps<typeof DreiText>) {
  const ready = useSyncExternalStore(subscribe, mayLoad, mayLoad);
  if (!ready) return null;
  return (
    <WithoutText>
      <Suspense fallback={null}>
        <LazyText {...props} />
      </Suspense>
    </WithoutText>
  );
}
