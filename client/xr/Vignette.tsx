import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { PlaneGeometry, ShaderMaterial, type Mesh } from 'three';
import { vrMotion } from './vrMotion.js';

const GEOMETRY = new PlaneGeometry(2, 2);

/**
 * Comfort: while the stick moves us, the edges of each eye's view darken (a tunnel that hides
 * the peripheral flow that causes most motion sickness). Drawn in clip space, last, over
 * everything, so it stays fixed to the eyes whatever the head does.
 */
export function Vignette() {
  const mesh = useRef<Mesh>(null);
  const material = useMemo(() => new ShaderMaterial({
    uniforms: { strength: { value: 0 } },
    vertexShader: 'varying vec2 vUv; void main() { vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }',
    fragmentShader: `
      uniform float strength;
      varying vec2 vUv;
      void main() {
        float d = length(vUv - 0.5) * 2.0;
        float edge = smoothstep(mix(1.6, 0.55, strength), mix(1.8, 0.95, strength), d);
        gl_FragColor = vec4(0.0, 0.0, 0.0, edge * strength);
      }`,
    transparent: true, depthTest: false, depthWrite: false,
  }), []);
  useFrame(() => {
    const m = mesh.current;
    if (!m) return;
    const s = vrMotion.vignette;
    material.uniforms.strength!.value = s;
    m.visible = s > 0.01;
  });
  return <mesh ref={mesh} name="vr-vignette" geometry={GEOMETRY} material={material} frustumCulled={false} renderOrder={10_000} raycast={() => undefined} visible={false} />;
}
