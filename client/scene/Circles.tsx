import { CylinderGeometry, SphereGeometry } from 'three';
import type { Circle, SpaceLayout } from '../../shared/spaces/layout.js';
import { Trees } from './Trees.js';

const CYLINDER = new CylinderGeometry(1, 1, 1, 20);
const GLOBE = new SphereGeometry(1, 16, 12);

function Fountain({ c }: { c: Circle }) {
  return (
    <group position={[c.x, 0, c.z]}>
      <mesh geometry={CYLINDER} position-y={c.h / 2} scale={[c.r, c.h, c.r]} receiveShadow castShadow>
        <meshStandardMaterial color="#cfc8bb" roughness={0.8} />
      </mesh>
      <mesh geometry={CYLINDER} position-y={c.h + 0.01} scale={[c.r - 0.25, 0.02, c.r - 0.25]}>
        <meshStandardMaterial color="#5f9fc0" roughness={0.15} metalness={0.1} emissive="#1d4a63" emissiveIntensity={0.35} />
      </mesh>
      <mesh geometry={CYLINDER} position-y={c.h + 0.7} scale={[0.22, 1.4, 0.22]} castShadow>
        <meshStandardMaterial color="#d9d2c5" roughness={0.7} />
      </mesh>
      <mesh geometry={CYLINDER} position-y={c.h + 1.45} scale={[0.7, 0.12, 0.7]}>
        <meshStandardMaterial color="#d9d2c5" roughness={0.7} />
      </mesh>
    </group>
  );
}

function Pillar({ c }: { c: Circle }) {
  return (
    <group position={[c.x, 0, c.z]}>
      <mesh geometry={CYLINDER} position-y={c.h / 2} scale={[c.r, c.h, c.r]} castShadow receiveShadow>
        <meshStandardMaterial color="#efe7da" roughness={0.7} />
      </mesh>
      <mesh geometry={CYLINDER} position-y={c.h - 0.15} scale={[c.r * 1.35, 0.3, c.r * 1.35]}>
        <meshStandardMaterial color="#e2d8c8" roughness={0.7} />
      </mesh>
    </group>
  );
}

function Lamp({ c }: { c: Circle }) {
  return (
    <group position={[c.x, 0, c.z]}>
      <mesh geometry={CYLINDER} position-y={c.h / 2} scale={[c.r * 0.5, c.h, c.r * 0.5]} castShadow>
        <meshStandardMaterial color="#2f3338" roughness={0.5} metalness={0.6} />
      </mesh>
      <mesh geometry={GLOBE} position-y={c.h + 0.15} scale={0.24}>
        <meshStandardMaterial color="#fff4d6" emissive="#ffd98a" emissiveIntensity={1.6} />
      </mesh>
    </group>
  );
}

/** Trees, the fountain, pillars and lamps from the layout's circles. */
export function Circles({ layout }: { layout: SpaceLayout }) {
  return (
    <>
      <Trees layout={layout} />
      {layout.circles.map((c, i) => {
        switch (c.kind) {
          case 'tree': return null; // drawn together by <Trees>
          case 'fountain': return <Fountain key={i} c={c} />;
          case 'pillar': return <Pillar key={i} c={c} />;
          case 'lamp': return <Lamp key={i} c={c} />;
        }
      })}
    </>
  );
}
