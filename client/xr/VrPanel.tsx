import { Text } from '../scene/Text.js';
import { useXRInputSourceState, XRSpace } from '@react-three/xr';
import { floorLeft, formatCountdown } from '../hallText.js';
import { BODY_FONT, SIGN_FONT } from '../scene/fonts.js';
import { clip } from '../scene/exhibits/plainText.js';
import { useHall, useHoldsFloor, type HallQuestion } from '../state/hall.js';
import { intents } from '../state/intents.js';
import { useUi } from '../state/ui.js';
import { useNow } from '../state/useNow.js';
import { useVoice } from '../state/voice.js';
import { setSeatedMode, setVignette, useVr } from '../state/vr.js';
import { VrButton } from './VrButton.js';
import { useBallots } from '../state/ballots.js';
import { VR_BALLOT_PROPOSALS, VrBallotRows } from './VrBallotRows.js';

const WIDTH = 0.36;
const ROW = 0.042;
/** Space above the first row and below the last. */
const PAD = 0.012;
const HALF = WIDTH / 2 - 0.006;
const THIRD = WIDTH / 3 - 0.006;
/** How many questions the panel lists to upvote (the most-voted open ones). */
const SHOWN_QUESTIONS = 3;

function topQuestions(questions: readonly HallQuestion[]): HallQuestion[] {
  return questions.filter((q) => q.state !== 'answered').sort((a, b) => b.votes - a.votes).slice(0, SHOWN_QUESTIONS);
}

/** The floor mic, while it is ours: the time left, the microphone, and giving it back (two rows from `y`). */
function FloorRows({ y }: { y: number }) {
  const floor = useHall((s) => s.floor);
  const live = useVoice((s) => s.mic === 'on' && !s.muted);
  const note = useVoice((s) => s.micNote);
  const now = useNow(1000);
  return (
    <group position={[0, y, 0]}>
      <Text name="vr-floor-status" font={SIGN_FONT} position={[0, 0, 0.001]} fontSize={0.0145} maxWidth={WIDTH} anchorX="center" anchorY="middle" color="#ffd27a">
        {note ? clip(note, 80) : `You have the floor · ${formatCountdown(floorLeft(floor, now))}${live ? ' · you are live' : ''}`}
      </Text>
      <VrButton name="vr-mic" label={live ? 'Mute' : 'Unmute'} width={HALF} position={[-WIDTH / 4, -ROW, 0]} active={live}
        onPress={() => (live ? intents.mic?.setMuted(true) : intents.mic?.speakNow())} />
      <VrButton name="vr-floor-release" label="Give back the mic" width={HALF} position={[WIDTH / 4, -ROW, 0]} onPress={() => intents.hall?.releaseFloor()} />
    </group>
  );
}

/** The hand and standing up (one row from `y`), then the questions to upvote, a row each. */
function HallRows({ y, questions }: { y: number; questions: HallQuestion[] }) {
  const myVotes = useHall((s) => s.mine?.votes);
  const selfId = useUi((s) => s.selfId);
  const me = useUi((s) => s.people.find((p) => p.id === selfId));
  const handUp = (me?.hand ?? 0) > 0;
  const seated = (me?.seat ?? -1) >= 0;
  return (
    <group position={[0, y, 0]}>
      <VrButton name="vr-hand" label={handUp ? 'Lower hand' : 'Raise hand'} width={HALF} position={[-WIDTH / 4, 0, 0]} active={handUp} onPress={() => intents.hall?.raiseHand(!handUp)} />
      {seated && <VrButton name="vr-stand" label="Stand up" width={HALF} position={[WIDTH / 4, 0, 0]} onPress={() => intents.hall?.stand()} />}
      {questions.map((q, i) => {
        const voted = myVotes?.includes(q.id) ?? false;
        return (
          <group key={q.id} position={[0, -(i + 1) * ROW, 0]}>
            <VrButton name={`vr-vote:${q.id}`} label={`↑ ${q.votes}`} width={0.06} position={[-WIDTH / 2 + 0.03, 0, 0]} active={voted} onPress={() => intents.hall?.vote({ id: q.id, up: !voted })} />
            <Text font={BODY_FONT} position={[-WIDTH / 2 + 0.068, 0, 0.001]} fontSize={0.0125} maxWidth={WIDTH - 0.075} anchorX="left" anchorY="middle" color="#e8ecf3">
              {clip(q.text, 100)}
            </Text>
          </group>
        );
      })}
      {questions.length === 0 && (
        <Text font={BODY_FONT} position={[0, -ROW, 0.001]} fontSize={0.013} anchorX="center" anchorY="middle" color="#aab3c2">No questions yet.</Text>
      )}
    </group>
  );
}

/**
 * A small panel above the left wrist: comfort settings, leaving VR, the latest notice, in a
 * town hall the floor mic when it is ours, the hand, standing up and upvotes, and an open ballot. Pressed with the
 * other controller's ray; as tall as its rows.
 */
export function VrPanel() {
  const left = useXRInputSourceState('controller', 'left');
  const townhall = useHall((s) => s.active);
  const questions = topQuestions(useHall((s) => s.questions));
  const holdsFloor = useHoldsFloor();
  const vignette = useVr((s) => s.vignette);
  const seatedMode = useVr((s) => s.seated);
  const session = useVr((s) => s.session);
  const toast = useUi((s) => s.toast);
  const ballot = useBallots((s) => s.ballots.find((b) => b.ballot.phase === 'open'));
  if (!left) return null;
  // Rows from the top: settings, [the floor: two], [hand, questions (at least one line)], the notice.
  const floorRows = townhall && holdsFloor ? 2 : 0;
  const hallRows = townhall ? 1 + Math.max(1, questions.length) : 0;
  const ballotRows = ballot ? 1 + Math.min(VR_BALLOT_PROPOSALS, ballot.ballot.proposals.length) : 0;
  const rows = 1 + floorRows + hallRows + ballotRows + 1;
  const height = rows * ROW + 2 * PAD;
  const rowY = (i: number) => height / 2 - PAD - ROW / 2 - i * ROW;
  return (
    <XRSpace space={left.inputSource.gripSpace ?? left.inputSource.targetRaySpace}>
      <group name="vr-panel" position={[0, 0.07, 0.02]} rotation={[-Math.PI / 3, 0, 0]}>
        <group position={[0, height / 2, 0]}>
          <mesh position={[0, 0, -0.002]}>
            <planeGeometry args={[WIDTH + 0.02, height]} />
            <meshBasicMaterial color="#141a24" transparent opacity={0.92} />
          </mesh>
          <VrButton name="vr-vignette-toggle" label={vignette ? 'Vignette on' : 'Vignette off'} width={THIRD} position={[-WIDTH / 3, rowY(0), 0]} active={vignette} onPress={() => setVignette(!vignette)} />
          <VrButton name="vr-seated-toggle" label={seatedMode ? 'Seated on' : 'Seated off'} width={THIRD} position={[0, rowY(0), 0]} active={seatedMode} onPress={() => setSeatedMode(!seatedMode)} />
          <VrButton name="vr-exit" label="Exit VR" width={THIRD} position={[WIDTH / 3, rowY(0), 0]} onPress={() => void session?.end()} />
          {floorRows > 0 && <FloorRows y={rowY(1)} />}
          {townhall && <HallRows y={rowY(1 + floorRows)} questions={questions} />}
          {ballot && <VrBallotRows live={ballot} y={rowY(1 + floorRows + hallRows)} width={WIDTH} row={ROW} />}
          <Text font={SIGN_FONT} position={[0, rowY(rows - 1), 0.001]} fontSize={0.012} maxWidth={WIDTH} anchorX="center" anchorY="middle" color="#ffd27a">
            {toast ? clip(toast.text, 120) : ' '}
          </Text>
        </group>
      </group>
    </XRSpace>
  );
}
