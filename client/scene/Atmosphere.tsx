import { Sky } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Color, Fog } from 'three';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { useGraphics } from '../state/graphics.js';
import { SUN_POSITION } from './lightRig.js';

/**
 * Sky and haze outdoors (a shader; nothing fetched); a warm dark backdrop indoors. The backdrop
 * and the haze are the scene's own (set on the scene: this component sits in the space's group).
 * On the low tier the sky is the backdrop colour alone (the shader's pale blue seen from the
 * ground, about flat there): a software renderer then pays nothing per sky pixel.
 */
export function Atmosphere({ layout }: { layout: SpaceLayout }) {
  const high = useGraphics((s) => s.settings.tier === 'high');
  const scene = useThree((s) => s.scene);
  const outdoor = layout.setting === 'outdoor';
  useEffect(() => {
    scene.background = new Color(outdoor ? (high ? '#cfdbe6' : '#d9e5ee') : '#221c17');
    scene.fog = outdoor ? new Fog('#d3dde5', 55, 170) : new Fog('#221c17', 35, 90);
    return () => {
      scene.background = null;
      scene.fog = null;
    };
  }, [scene, outdoor, high]);
  return outdoor && high
    ? <Sky distance={4500} sunPosition={SUN_POSITION} turbidity={6} rayleigh={1.4} mieCoefficient={0.004} mieDirectionalG={0.85} />
    : null;
}
