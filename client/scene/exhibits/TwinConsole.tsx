import { Text } from '../Text.js';
import { fromRay, useRayPress } from '../rayPress.js';
import type { ThreeEvent } from '@react-three/fiber';
import { useState } from 'react';
import type { Lever } from '../../../shared/sim/model.js';
import { formatLever } from '../../sim/format.js';
import type { TwinView } from '../../sim/useTwin.js';
import { steerTwin } from '../../state/twins.js';
import { BODY_FONT, SIGN_FONT } from '../fonts.js';
import { INK, UNIT_BOX } from './looks.js';
import { BUTTON, BUTTON_HOT, TWIN, WOOD } from './twinLooks.js';

const ROW = 0.2;

/** The scene name of a lever's button (tests find it to click it in the world). */
export function twinButtonName(exhibitId: string, lever: string, direction: -1 | 1): string {
  return `twin:${exhibitId}:${lever}:${direction > 0 ? 'up' : 'down'}`;
}
/** Each press moves a lever by this many of its steps (a slider in the detail view is finer). */
const STEPS_PER_PRESS = 5;

function Button({ name, label, x, onPress }: { name: string; label: string; x: number; onPress: () => void }) {
  const [hot, setHot] = useState(false);
  const rayPress = useRayPress(onPress);
  // The handlers are on the group, so a click on the sign counts too and never opens the exhibit.
  return (
    <group
      position={[x, 0, 0]}
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
      <mesh geometry={UNIT_BOX} material={hot ? BUTTON_HOT : BUTTON} scale={[0.15, 0.05, 0.13]} />
      <Text font={SIGN_FONT} position={[0, 0.027, 0]} rotation={[-Math.PI / 2, 0, 0]} fontSize={0.07} anchorX="center" anchorY="middle" color="#ffffff">
        {label}
      </Text>
    </group>
  );
}

/**
 * The levers in the world: on a desk at the front of the table, each with − and + to move the
 * visitor's own scenario (never the official one, never anyone else's).
 */
export function TwinConsole({ exhibitId, twin }: { exhibitId: string; twin: TwinView }) {
  const { levers } = twin.model.info;
  const current = twin.mine ?? twin.official;
  const press = (l: Lever, direction: number) => {
    const value = current.params[l.key] ?? l.default;
    steerTwin(exhibitId, twin.model.info, twin.official, l.key, value + direction * l.step * STEPS_PER_PRESS);
  };
  const depth = levers.length * ROW + 0.08;
  return (
    <group position={[0, TWIN.console.y, TWIN.console.z]} rotation={[0.45, 0, 0]}>
      <mesh geometry={UNIT_BOX} material={WOOD} scale={[TWIN.console.width, 0.04, depth]} position={[0, -0.02, 0]} />
      {levers.map((l, i) => {
        const zRow = -depth / 2 + 0.04 + ROW * (i + 0.5);
        const value = current.params[l.key] ?? l.default;
        return (
          <group key={l.key} position={[0, 0.001, zRow]}>
            <Text font={BODY_FONT} position={[-TWIN.console.width / 2 + 0.08, 0.002, 0]} rotation={[-Math.PI / 2, 0, 0]} fontSize={0.055} maxWidth={0.8} anchorX="left" anchorY="middle" color="#f4efe6">
              {l.label}
            </Text>
            <Text font={SIGN_FONT} position={[0.36, 0.002, 0]} rotation={[-Math.PI / 2, 0, 0]} fontSize={0.06} anchorX="right" anchorY="middle" color={twin.mine ? '#9fe0f5' : '#f4efe6'}>
              {formatLever(l, value)}
            </Text>
            <Button name={twinButtonName(exhibitId, l.key, -1)} label="−" x={0.52} onPress={() => press(l, -1)} />
            <Button name={twinButtonName(exhibitId, l.key, 1)} label="+" x={0.7} onPress={() => press(l, 1)} />
          </group>
        );
      })}
      <Text font={BODY_FONT} position={[0, 0.002, depth / 2 + 0.05]} rotation={[-Math.PI / 2, 0, 0]} fontSize={0.04} anchorX="center" anchorY="top" color={INK}>
        Your levers change only what you see
      </Text>
    </group>
  );
}
