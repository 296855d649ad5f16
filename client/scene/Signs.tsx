import { Text } from '@react-three/drei';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { SIGN_FONT } from './fonts.js';

/** Building names and directions; yaw 0 means the text faces +z. */
export function Signs({ layout }: { layout: SpaceLayout }) {
  return (
    <>
      {layout.signs.map((s, i) => (
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
      ))}
    </>
  );
}
