import { Text } from '@react-three/drei';
import { useXRInputSourceState, XRSpace } from '@react-three/xr';
import { raiseHand, stand, vote } from '../net/townhall.js';
import { BODY_FONT, SIGN_FONT } from '../scene/fonts.js';
import { clip } from '../scene/exhibits/plainText.js';
import { useHall } from '../state/hall.js';
import { useUi } from '../state/ui.js';
import { setSeatedMode, setVignette, useVr } from '../state/vr.js';
import { VrButton } from './VrButton.js';

const WIDTH = 0.3;
const ROW = 0.042;

/** The town hall part of the wrist panel: the hand, standing up, and the most-voted questions to upvote. */
function HallRows({ top }: { top: number }) {
  const questions = useHall((s) => s.questions);
  const myVotes = useHall((s) => s.mine?.votes);
  const selfId = useUi((s) => s.selfId);
  const me = useUi((s) => s.people.find((p) => p.id === selfId));
  const open = questions.filter((q) => q.state !== 'answered').sort((a, b) => b.votes - a.votes).slice(0, 3);
  const handUp = (me?.hand ?? 0) > 0;
  const seated = (me?.seat ?? -1) >= 0;
  let y = top;
  const rows = [
    <VrButton key="hand" name="vr-hand" label={handUp ? 'Lower hand' : 'Raise hand'} width={WIDTH / 2 - 0.006} position={[-WIDTH / 4, y, 0]} active={handUp} onPress={() => raiseHand(!handUp)} />,
    seated && <VrButton key="stand" name="vr-stand" label="Stand up" width={WIDTH / 2 - 0.006} position={[WIDTH / 4, y, 0]} onPress={stand} />,
  ];
  y -= ROW;
  for (const q of open) {
    const voted = myVotes?.includes(q.id) ?? false;
    rows.push(
      <group key={q.id} position={[0, y, 0]}>
        <VrButton name={`vr-vote:${q.id}`} label={`▲ ${q.votes}`} width={0.06} position={[-WIDTH / 2 + 0.03, 0, 0]} active={voted} onPress={() => vote({ id: q.id, up: !voted })} />
        <Text font={BODY_FONT} position={[-WIDTH / 2 + 0.068, 0, 0.001]} fontSize={0.0125} maxWidth={WIDTH - 0.075} anchorX="left" anchorY="middle" color="#e8ecf3">
          {clip(q.text, 90)}
        </Text>
      </group>,
    );
    y -= ROW;
  }
  if (open.length === 0) {
    rows.push(<Text key="none" font={BODY_FONT} position={[0, y, 0.001]} fontSize={0.013} anchorX="center" anchorY="middle" color="#aab3c2">No questions yet.</Text>);
  }
  return <>{rows}</>;
}

/**
 * A small panel above the left wrist: comfort settings, leaving VR, the latest notice, and in a
 * town hall the hand, standing up and upvotes. Pressed with the other controller's ray.
 */
export function VrPanel() {
  const left = useXRInputSourceState('controller', 'left');
  const townhall = useHall((s) => s.active);
  const vignette = useVr((s) => s.vignette);
  const seatedMode = useVr((s) => s.seated);
  const session = useVr((s) => s.session);
  const toast = useUi((s) => s.toast);
  if (!left) return null;
  const height = townhall ? 0.3 : 0.14;
  const top = height / 2 - 0.03;
  return (
    <XRSpace space={left.inputSource.gripSpace ?? left.inputSource.targetRaySpace}>
      <group name="vr-panel" position={[0, 0.07, 0.02]} rotation={[-Math.PI / 3, 0, 0]}>
        <group position={[0, height / 2, 0]}>
          <mesh position={[0, 0, -0.002]}>
            <planeGeometry args={[WIDTH + 0.02, height]} />
            <meshBasicMaterial color="#141a24" transparent opacity={0.92} />
          </mesh>
          <VrButton name="vr-vignette-toggle" label={vignette ? 'Vignette: on' : 'Vignette: off'} width={WIDTH / 3 - 0.006} position={[-WIDTH / 3, top, 0]} active={vignette} onPress={() => setVignette(!vignette)} />
          <VrButton name="vr-seated-toggle" label={seatedMode ? 'Seated: on' : 'Seated: off'} width={WIDTH / 3 - 0.006} position={[0, top, 0]} active={seatedMode} onPress={() => setSeatedMode(!seatedMode)} />
          <VrButton name="vr-exit" label="Exit VR" width={WIDTH / 3 - 0.006} position={[WIDTH / 3, top, 0]} onPress={() => void session?.end()} />
          {townhall && <HallRows top={top - ROW} />}
          <Text font={SIGN_FONT} position={[0, -height / 2 + 0.016, 0.001]} fontSize={0.012} maxWidth={WIDTH} anchorX="center" anchorY="middle" color="#ffd27a">
            {toast ? clip(toast.text, 110) : ' '}
          </Text>
        </group>
      </group>
    </XRSpace>
  );
}
