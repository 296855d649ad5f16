import { Text } from './Text.js';
import type { Sign, SpaceLayout } from '../../shared/spaces/layout.js';
import { SIGN_FONT } from './fonts.js';

const BOARD_GREEN = '#1f5647';

/** A wayfinding board on a post: light text on a dark green board, readable from both sides. */
function Board({ sign }: { sign: Sign }) {
  const fontSize = 0.6 * sign.size;
  const width = sign.text.length * fontSize * 0.56 + 0.5;
  const height = fontSize + 0.4;
  return (
    <group position={[sign.x, 0, sign.z]} rotation-y={sign.yaw}>
      <mesh position={[0, (sign.y - height / 2) / 2, 0]} castShadow>
        <boxGeometry args={[0.1, sign.y - height / 2, 0.1]} />
        <meshStandardMaterial color="#39413f" roughness={0.6} metalness={0.3} />
      </mesh>
      <mesh position={[0, sign.y, 0]} castShadow>
        <boxGeometry args={[width, height, 0.08]} />
        <meshStandardMaterial color={BOARD_GREEN} roughness={0.7} />
      </mesh>
      {[0, Math.PI].map((turn) => (
        <group key={turn} rotation-y={turn}>
          <Text font={SIGN_FONT} position={[0, sign.y, 0.045]} fontSize={fontSize} color="#f4f1e8" anchorX="center" anchorY="middle">
            {sign.text}
          </Text>
        </group>
      ))}
    </group>
  );
}

/** Building names and directions; yaw 0 means the text faces +z. */
export function Signs({ layout }: { layout: SpaceLayout }) {
  return (
    <>
      {layout.signs.map((s, i) => (s.board ? <Board key={i} sign={s} /> : (
        <Text
          key={i}
          font={SIGN_FONT}
          position={[s.x, s.y, s.z]}
          rotation-y={s.yaw}
          fontSize={0.6 * s.size}
          letterSpacing={0.06}
          color={layout.setting === 'outdoor' ? '#2b3640' : '#3a2a1e'}
          anchorX="center"
          anchorY="middle"
        >
          {s.text}
        </Text>
      )))}
    </>
  );
}
