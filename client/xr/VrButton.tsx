import { Text } from '../scene/Text.js';
import { fromRay, useRayPress } from '../scene/rayPress.js';
import type { ThreeEvent } from '@react-three/fiber';
import { useState } from 'react';
import { SIGN_FONT } from '../scene/fonts.js';

/** A flat in-world button for a controller's ray (or a mouse): a plate with a label. */
export function VrButton({ label, width, height = 0.034, position, onPress, name, active = false }: {
  label: string; width: number; height?: number; position: [number, number, number]; onPress: () => void; name?: string; active?: boolean;
}) {
  const [hot, setHot] = useState(false);
  const rayPress = useRayPress(onPress);
  return (
    <group
      position={position}
      name={name}
      onClick={(e: ThreeEvent<MouseEvent>) => {
        e.stopPropagation();
        if (!fromRay(e)) onPress();
      }}
      {...rayPress}
      onPointerOver={(e) => {
        e.stopPropagation();
        setHot(true);
      }}
      onPointerOut={() => setHot(false)}
    >
      <mesh>
        <planeGeometry args={[width, height]} />
        <meshBasicMaterial color={hot ? '#3b82f6' : active ? '#1d4ed8' : '#2b3445'} />
      </mesh>
      <Text font={SIGN_FONT} position={[0, 0, 0.001]} fontSize={height * 0.48} maxWidth={width * 0.94} anchorX="center" anchorY="middle" color="#ffffff">
        {label}
      </Text>
    </group>
  );
}
