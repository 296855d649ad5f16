import { Text } from '../scene/Text.js';
import { useFrame, useThree } from '@react-three/fiber';
import { useRef } from 'react';
import { Vector3, type Group } from 'three';
import { textAlternative } from '../../shared/exhibits/exhibit.js';
import { BODY_FONT, SIGN_FONT } from '../scene/fonts.js';
import { clip, plainText } from '../scene/exhibits/plainText.js';
import { closeExhibit, useExhibits } from '../state/exhibits.js';
import { VrButton } from './VrButton.js';

const WIDTH = 1.1;
const HEIGHT = 0.8;
/** The reader opens this far in front of the eyes, and stays where it opened (never head-locked). */
const DISTANCE = 1.3;

const head = new Vector3();
const ahead = new Vector3();

/**
 * An opened exhibit in VR (the page's detail view cannot show in a headset): its title and full
 * text on a panel in front of where the person was looking, with a Close button.
 */
export function VrReader() {
  const openId = useExhibits((s) => s.openId);
  const exhibit = useExhibits((s) => s.shown.find((e) => e.id === s.openId));
  const group = useRef<Group>(null);
  const placedFor = useRef('');
  const camera = useThree((s) => s.camera);
  useFrame(() => {
    const g = group.current;
    if (!g || placedFor.current === openId) return;
    placedFor.current = openId;
    camera.getWorldPosition(head);
    camera.getWorldDirection(ahead);
    ahead.y = 0;
    if (ahead.lengthSq() < 1e-6) ahead.set(0, 0, -1);
    ahead.normalize();
    g.position.copy(head).addScaledVector(ahead, DISTANCE);
    g.lookAt(head.x, g.position.y, head.z);
  });
  if (!openId || !exhibit) return null;
  return (
    <group ref={group} name={`vr-reader:${openId}`}>
      <mesh position={[0, 0, -0.004]}>
        <planeGeometry args={[WIDTH, HEIGHT]} />
        <meshBasicMaterial color="#f7f4ee" />
      </mesh>
      <Text font={SIGN_FONT} position={[-WIDTH / 2 + 0.05, HEIGHT / 2 - 0.05, 0]} fontSize={0.05} maxWidth={WIDTH - 0.1} anchorX="left" anchorY="top" color="#1b1f27">
        {exhibit.title}
      </Text>
      <Text font={BODY_FONT} position={[-WIDTH / 2 + 0.05, HEIGHT / 2 - 0.14, 0]} fontSize={0.03} lineHeight={1.35} maxWidth={WIDTH - 0.1} anchorX="left" anchorY="top" color="#2b303b">
        {clip(plainText(textAlternative(exhibit)), 900)}
      </Text>
      <VrButton name="vr-reader-close" label="Close" width={0.2} height={0.07} position={[WIDTH / 2 - 0.14, -HEIGHT / 2 + 0.06, 0]} onPress={closeExhibit} />
    </group>
  );
}
