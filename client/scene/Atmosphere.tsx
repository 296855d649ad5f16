import { Sky } from '@react-three/drei';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { SUN_POSITION } from './Lighting.js';

/** Sky and haze outdoors (a shader; nothing fetched); a warm dark backdrop indoors. */
export function Atmosphere({ layout }: { layout: SpaceLayout }) {
  if (layout.setting === 'outdoor') {
    return (
      <>
        <color attach="background" args={['#cfdbe6']} />
        <fog attach="fog" args={['#d3dde5', 55, 170]} />
        <Sky distance={4500} sunPosition={SUN_POSITION} turbidity={6} rayleigh={1.4} mieCoefficient={0.004} mieDirectionalG={0.85} />
      </>
    );
  }
  return (
    <>
      <color attach="background" args={['#221c17']} />
      <fog attach="fog" args={['#221c17', 35, 90]} />
    </>
  );
}
