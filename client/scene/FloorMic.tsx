import { CylinderGeometry, SphereGeometry } from 'three';
import type { StageSetup } from '../../shared/spaces/layout.js';
import { useHall } from '../state/hall.js';

const CYLINDER = new CylinderGeometry(1, 1, 1, 24);
const HEAD = new SphereGeometry(1, 16, 12);
const POLE_HEIGHT = 1.2; // the head ends at mouth height

/**
 * The floor microphone in the aisle: a marked spot on the floor, a stand, and a head that
 * lights up while someone holds the floor. It stands just in front of the spot, leaning
 * towards whoever is called there.
 */
export function FloorMic({ mic }: { mic: StageSetup['floorMic'] }) {
  const held = useHall((s) => s.floor.holder !== '');
  // The stand is a step ahead of the speaker, between them and the stage.
  const ahead = 0.55;
  const sx = -Math.sin(mic.yaw) * ahead;
  const sz = -Math.cos(mic.yaw) * ahead;
  return (
    <group position={[mic.x, 0, mic.z]}>
      {/* The spot to stand on (whoever stands there gets the speakers' ring as well). */}
      <mesh geometry={CYLINDER} position-y={0.006} scale={[0.62, 0.012, 0.62]} receiveShadow>
        <meshStandardMaterial color="#c9a66b" roughness={0.6} />
      </mesh>
      <group position={[sx, 0, sz]} rotation-y={mic.yaw}>
        <mesh geometry={CYLINDER} position-y={0.02} scale={[0.2, 0.04, 0.2]} castShadow>
          <meshStandardMaterial color="#22262b" roughness={0.4} metalness={0.6} />
        </mesh>
        <mesh geometry={CYLINDER} position-y={POLE_HEIGHT / 2} scale={[0.018, POLE_HEIGHT, 0.018]} castShadow>
          <meshStandardMaterial color="#4a5058" roughness={0.3} metalness={0.8} />
        </mesh>
        {/* The boom leans back towards the speaker. */}
        <mesh geometry={CYLINDER} position={[0, POLE_HEIGHT + 0.06, 0.1]} rotation-x={1.1} scale={[0.014, 0.26, 0.014]}>
          <meshStandardMaterial color="#4a5058" roughness={0.3} metalness={0.8} />
        </mesh>
        <mesh geometry={HEAD} position={[0, POLE_HEIGHT + 0.12, 0.22]} scale={[0.055, 0.055, 0.08]}>
          <meshStandardMaterial color={held ? '#fff3d6' : '#2b3036'} emissive={held ? '#ffb23e' : '#000000'} emissiveIntensity={held ? 1.4 : 0} roughness={0.5} />
        </mesh>
      </group>
    </group>
  );
}
