import { Text } from '../Text.js';
import { BODY_FONT } from '../fonts.js';
import { ExhibitGroup, useLit, type ExhibitProps } from './ExhibitGroup.js';
import { body, easel, INK, MAT, screenBody, UNIT_BOX } from './looks.js';
import { clip } from './plainText.js';
import { hangs, pictureCentre, SCREEN } from './stands.js';

const PLAQUE = { width: 1.1, height: 0.17 } as const;

/**
 * A video: a screen showing a play sign (it never plays in the world; a click opens the detail,
 * where it plays with its captions), with its title on a plaque below.
 */
export function VideoExhibit({ exhibit }: ExhibitProps) {
  const lit = useLit(exhibit.id);
  const cy = pictureCentre(exhibit);
  const plaqueY = cy - SCREEN.height / 2 - 0.05 - PLAQUE.height / 2 - 0.03;
  const captions = exhibit.content.kind === 'video' && exhibit.content.captions !== null;
  return (
    <ExhibitGroup exhibit={exhibit}>
      {!hangs(exhibit) && <mesh geometry={easel()} material={body(lit)} castShadow />}
      <mesh geometry={screenBody()} material={body(lit)} position-y={cy} castShadow receiveShadow />
      <mesh geometry={UNIT_BOX} material={MAT} position={[0, plaqueY, 0]} scale={[PLAQUE.width, PLAQUE.height, 0.02]} />
      <Text
        font={BODY_FONT}
        position={[0, plaqueY, 0.011]}
        fontSize={0.045}
        lineHeight={1.2}
        maxWidth={PLAQUE.width - 0.08}
        textAlign="center"
        anchorX="center"
        anchorY="middle"
        color={INK}
      >
        {`${clip(exhibit.title, 70)}${captions ? ' · CC' : ''}`}
      </Text>
    </ExhibitGroup>
  );
}
