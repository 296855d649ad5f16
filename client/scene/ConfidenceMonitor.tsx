import { BoxGeometry, PlaneGeometry } from 'three';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { floorLine, formatCountdown } from '../hallText.js';
import { allows } from '../../shared/access.js';
import { principalOf, useMe } from '../state/account.js';
import { answeringQuestion, useHall } from '../state/hall.js';
import { useUi } from '../state/ui.js';
import { useNow } from '../state/useNow.js';
import { SIGN_FONT } from './fonts.js';
import { monitorPlace } from './monitorPlace.js';
import { Text } from './Text.js';

const UNIT_BOX = new BoxGeometry(1, 1, 1);
const UNIT_PLANE = new PlaneGeometry(1, 1);
/** Big enough to read from behind the lectern over the shoulder (1.2 x 0.68 m was not, at 1280x720). */
const W = 1.5;
const H = 0.85;
/** Leaning back towards the speaker's eyes. */
const TILT = -0.62;
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** What the monitor says; only staff who may run the event have it drawn (the audience sees its back). */
function MonitorScreen() {
  const event = useHall((s) => s.event);
  const question = useHall(answeringQuestion);
  const floor = useHall((s) => s.floor);
  const hands = useUi((s) => s.people.filter((p) => p.hand > 0).length);
  const now = useNow(1000);
  const elapsed = event.state === 'live' && event.startedAt > 0 ? `Live ${formatCountdown(now - event.startedAt)}` : event.state === 'scheduled' ? 'Not started' : event.state === 'ended' ? 'Ended' : '';
  const left = -W / 2 + 0.06;
  const right = W / 2 - 0.06;
  return (
    <>
      <Text font={SIGN_FONT} position={[left, H / 2 - 0.05, 0.002]} fontSize={0.056} color="#7fd8ff" anchorX="left" anchorY="top" letterSpacing={0.06}>
        {question ? 'NOW ANSWERING' : 'NO QUESTION ON SCREEN'}
      </Text>
      <Text font={SIGN_FONT} position={[right, H / 2 - 0.05, 0.002]} fontSize={0.062} color="#ffffff" anchorX="right" anchorY="top">
        {clock.format(now)}
      </Text>
      {question && (
        <Text font={SIGN_FONT} position={[left, H / 2 - 0.15, 0.002]} fontSize={question.text.length > 160 ? 0.058 : 0.075} maxWidth={W - 0.12} lineHeight={1.18} color="#ffffff" anchorX="left" anchorY="top" overflowWrap="break-word">
          {question.text}
        </Text>
      )}
      <Text font={SIGN_FONT} position={[left, -H / 2 + 0.06, 0.002]} fontSize={0.062} color={event.state === 'live' ? '#ff9a8a' : '#b5bec8'} anchorX="left" anchorY="bottom">
        {floorLine(floor, now) || elapsed}
      </Text>
      <Text font={SIGN_FONT} position={[right, -H / 2 + 0.06, 0.002]} fontSize={0.062} color={hands > 0 ? '#ffd166' : '#b5bec8'} anchorX="right" anchorY="bottom">
        {hands === 1 ? '1 hand up' : `${hands} hands up`}
      </Text>
    </>
  );
}

/**
 * The confidence monitor: a low screen on the stage's front edge facing whoever speaks, with the
 * question being answered, the time (the clock, and how long the event has run or the floor turn
 * has left) and how many hands are up.
 */
export function ConfidenceMonitor({ layout }: { layout: SpaceLayout }) {
  const me = useMe();
  const staff = allows('event.run', principalOf(me, true), layout.id);
  const place = monitorPlace(layout);
  if (!place) return null;
  return (
    <group position={[place.x, place.y, place.z]} rotation-y={place.rotationY}>
      <mesh geometry={UNIT_BOX} position={[0, 0.14, 0]} scale={[W + 0.1, 0.28, 0.4]} castShadow>
        <meshStandardMaterial color="#1d1f23" roughness={0.6} />
      </mesh>
      <group position={[0, 0.5, 0.02]} rotation-x={TILT}>
        <mesh geometry={UNIT_BOX} position-z={-0.03} scale={[W + 0.08, H + 0.08, 0.05]}>
          <meshStandardMaterial color="#24272c" roughness={0.5} metalness={0.2} />
        </mesh>
        <mesh geometry={UNIT_PLANE} scale={[W, H, 1]}>
          <meshBasicMaterial color="#0b141c" toneMapped={false} />
        </mesh>
        {staff && <MonitorScreen />}
      </group>
    </group>
  );
}
