import { Text } from './Text.js';
import { BoxGeometry, DoubleSide } from 'three';
import type { Portal, SpaceLayout } from '../../shared/spaces/layout.js';
import { SIGN_FONT } from './fonts.js';

const UNIT_BOX = new BoxGeometry(1, 1, 1);
const DOOR_HEIGHT = 2.8;
const GLOW = '#7fd8ff';

function Doorway({ portal }: { portal: Portal }) {
  // The doorway spans whichever side of the rectangle lies across the facing direction.
  const width = Math.abs(Math.sin(portal.facing)) > 0.5 ? portal.d : portal.w;
  const half = width / 2 + 0.12;
  return (
    <group position={[portal.x, 0, portal.z]} rotation-y={portal.facing}>
      {[-half, half].map((x) => (
        <mesh key={x} geometry={UNIT_BOX} position={[x, DOOR_HEIGHT / 2, 0]} scale={[0.24, DOOR_HEIGHT, 0.24]}>
          <meshStandardMaterial color="#dff6ff" emissive={GLOW} emissiveIntensity={1.2} />
        </mesh>
      ))}
      <mesh geometry={UNIT_BOX} position={[0, DOOR_HEIGHT + 0.12, 0]} scale={[half * 2 + 0.24, 0.24, 0.24]}>
        <meshStandardMaterial color="#dff6ff" emissive={GLOW} emissiveIntensity={1.2} />
      </mesh>
      <mesh position={[0, DOOR_HEIGHT / 2, 0]}>
        <planeGeometry args={[width, DOOR_HEIGHT]} />
        <meshBasicMaterial color={GLOW} transparent opacity={0.25} side={DoubleSide} depthWrite={false} />
      </mesh>
      {/* Text faces local +z; the doorway's facing is local -z, so turn the label round. */}
      <Text
        font={SIGN_FONT}
        position={[0, DOOR_HEIGHT + 0.6, -0.14]}
        rotation-y={Math.PI}
        fontSize={0.42}
        color="#ffffff"
        outlineWidth={0.03}
        outlineColor="#0c3347"
        anchorX="center"
        anchorY="middle"
      >
        {portal.label}
      </Text>
    </group>
  );
}

/** A glowing door frame and label at each portal. */
export function Portals({ layout }: { layout: SpaceLayout }) {
  return (
    <>
      {layout.portals.map((p) => (
        <Doorway key={p.id} portal={p} />
      ))}
    </>
  );
}
