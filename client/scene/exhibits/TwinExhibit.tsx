import { Text } from '@react-three/drei';
import { SIGN_FONT } from '../fonts.js';
import { ExhibitGroup, useLit, type ExhibitProps } from './ExhibitGroup.js';
import { body, INK, twinPlinth } from './looks.js';
import { clip } from './plainText.js';

/** The slot of a digital twin (its own capability): a labelled plinth. */
export function TwinExhibit({ exhibit }: ExhibitProps) {
  const lit = useLit(exhibit.id);
  return (
    <ExhibitGroup exhibit={exhibit}>
      <mesh geometry={twinPlinth()} material={body(lit)} castShadow receiveShadow />
      <Text
        font={SIGN_FONT}
        position={[0, 0.5, 0.505]}
        fontSize={0.075}
        lineHeight={1.3}
        maxWidth={0.88}
        textAlign="center"
        anchorX="center"
        anchorY="middle"
        color={INK}
      >
        {`${clip(exhibit.title, 50)}\nDigital twin · coming soon`}
      </Text>
    </ExhibitGroup>
  );
}
