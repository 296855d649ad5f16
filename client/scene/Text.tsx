import type { Text as DreiText } from '@react-three/drei';
import { lazy, Suspense, type ComponentProps } from 'react';

const LazyText = lazy(() => import('./text3d.js').then((m) => ({ default: m.Text })));

/**
 * 3D text (drei's <Text>, troika and its SDF generator: about 40 kB gzip) loaded when the first
 * label is drawn rather than before the first frame; each label appears once it is typeset.
 */
export function Text(props: ComponentProps<typeof DreiText>) {
  return (
    <Suspense fallback={null}>
      <LazyText {...props} />
    </Suspense>
  );
}
