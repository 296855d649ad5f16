import { Text } from './Text.js';
import { BoxGeometry, PlaneGeometry } from 'three';
import type { StageSetup } from '../../shared/spaces/layout.js';
import { endedLines, eventStatus, floorLine, presentLine } from '../hallText.js';
import { answeringQuestion, useHall } from '../state/hall.js';
import { useNow } from '../state/useNow.js';
import { stagedBallot, useBallots } from '../state/ballots.js';
import { StageBallot } from './StageBallot.js';
import { SIGN_FONT } from './fonts.js';

const UNIT_BOX = new BoxGeometry(1, 1, 1);
const UNIT_PLANE = new PlaneGeometry(1, 1);
const FRAME = 0.16;

const STATUS_COLOUR = { none: '#9fb0bf', scheduled: '#ffd166', live: '#ff7a6b', ended: '#9fb0bf' } as const;

/** Smaller type for longer questions, so up to 300 characters fit the screen. */
function questionSize(text: string): number {
  if (text.length <= 90) return 0.3;
  if (text.length <= 180) return 0.24;
  return 0.19;
}

/** After the event: the host's closing note (or a plain thank-you) and where the record is. */
function EndedNote({ id, thanks, width, height }: { id: string; thanks: string; width: number; height: number }) {
  const lines = endedLines({ id, thanks }, location.origin);
  return (
    <>
      <Text font={SIGN_FONT} position={[0, height / 2 - 1.6, 0.01]} fontSize={questionSize(lines.note)} maxWidth={width - 0.9} lineHeight={1.2} color="#ffffff" anchorX="center" anchorY="top" textAlign="center" overflowWrap="break-word">
        {lines.note}
      </Text>
      <Text font={SIGN_FONT} position={[0, -height / 2 + 0.78, 0.01]} fontSize={0.17} maxWidth={width - 0.9} lineHeight={1.2} color="#7fd8ff" anchorX="center" anchorY="bottom" textAlign="center" overflowWrap="break-word">
        {lines.record}
      </Text>
    </>
  );
}

/**
 * The big screen behind the stage: the event's title and state (a countdown before it starts),
 * the question being answered, how many are present and who has the floor mic. It reads the
 * hall store, which changes a few times a minute; the countdowns tick once a second.
 */
export function StageScreen({ screen }: { screen: StageSetup['screen'] }) {
  const event = useHall((s) => s.event);
  const question = useHall(answeringQuestion);
  const present = useHall((s) => s.present);
  const floor = useHall((s) => s.floor);
  const staged = useBallots(stagedBallot);
  const ticking = event.state === 'scheduled' || floor.holder !== '';
  const now = useNow(1000, ticking);
  const w = screen.width;
  const h = screen.height;
  const left = -w / 2 + 0.45;
  const right = w / 2 - 0.45;
  const title = staged ? staged.ballot.title : event.state === 'none' ? 'Town hall' : event.title;
  const floorText = floorLine(floor, now);
  return (
    <group position={[screen.x, screen.y, screen.z]} rotation-y={screen.yaw}>
      <mesh geometry={UNIT_BOX} position-z={-0.06} scale={[w + FRAME * 2, h + FRAME * 2, 0.1]} castShadow>
        <meshStandardMaterial color="#2a211b" roughness={0.5} metalness={0.2} />
      </mesh>
      <mesh geometry={UNIT_PLANE} scale={[w, h, 1]}>
        <meshBasicMaterial color="#0f1c27" toneMapped={false} />
      </mesh>
      <Text font={SIGN_FONT} position={[0, h / 2 - 0.32, 0.01]} fontSize={0.34} maxWidth={w - 0.9} color="#ffffff" anchorX="center" anchorY="top" textAlign="center" lineHeight={1.1}>
        {title}
      </Text>
      <Text font={SIGN_FONT} position={[0, h / 2 - 0.86, 0.01]} fontSize={0.24} color={STATUS_COLOUR[event.state]} anchorX="center" anchorY="top" letterSpacing={0.04}>
        {eventStatus(event, now)}
      </Text>
      <mesh geometry={UNIT_PLANE} position={[0, h / 2 - 1.3, 0.005]} scale={[w - 0.9, 0.015, 1]}>
        <meshBasicMaterial color="#35516a" toneMapped={false} />
      </mesh>
      {staged ? <StageBallot live={staged} width={w} height={h} /> : question && event.state !== 'ended' ? (
        <>
          <Text font={SIGN_FONT} position={[left, h / 2 - 1.48, 0.01]} fontSize={0.17} color="#7fd8ff" anchorX="left" anchorY="top" letterSpacing={0.08}>
            NOW ANSWERING
          </Text>
          <Text
            font={SIGN_FONT}
            position={[left, h / 2 - 1.78, 0.01]}
            fontSize={questionSize(question.text)}
            maxWidth={w - 0.9}
            lineHeight={1.22}
            color="#ffffff"
            anchorX="left"
            anchorY="top"
            overflowWrap="break-word"
          >
            {question.text}
          </Text>
          <Text font={SIGN_FONT} position={[right, -h / 2 + 0.78, 0.01]} fontSize={0.2} color="#b5bec8" anchorX="right" anchorY="bottom">
            {`— ${question.author || 'Anonymous'}`}
          </Text>
        </>
      ) : event.state === 'ended' ? (
        <EndedNote id={event.id} thanks={event.thanks} width={w} height={h} />
      ) : (
        <Text font={SIGN_FONT} position={[0, -0.25, 0.01]} fontSize={0.24} color="#7f93a6" anchorX="center" anchorY="middle">
          Questions will appear here
        </Text>
      )}
      <mesh geometry={UNIT_PLANE} position={[0, -h / 2 + 0.52, 0.005]} scale={[w - 0.9, 0.015, 1]}>
        <meshBasicMaterial color="#35516a" toneMapped={false} />
      </mesh>
      <Text font={SIGN_FONT} position={[left, -h / 2 + 0.26, 0.01]} fontSize={0.2} color="#b5bec8" anchorX="left" anchorY="middle">
        {presentLine(present)}
      </Text>
      {floorText && (
        <Text font={SIGN_FONT} position={[right, -h / 2 + 0.26, 0.01]} fontSize={0.22} color="#ffd166" anchorX="right" anchorY="middle">
          {floorText}
        </Text>
      )}
    </group>
  );
}
