import { Text } from '../Text.js';
import { useSpaces } from '../../state/spaces.js';
import { SIGN_FONT } from '../fonts.js';
import { ExhibitGroup, useLit, type ExhibitProps } from './ExhibitGroup.js';
import { DOOR_GLOW, DOOR_MATERIAL, DOOR_MATERIAL_LIT, doorFrame, UNIT_PLANE } from './looks.js';
import { clip } from './plainText.js';
import { DOOR } from './stands.js';

/** The name of a space as its layout gives it (loaded in the background), or its id meanwhile. */
export function useSpaceName(id: string): string {
  return useSpaces((s) => {
    const entry = s.entries[id];
    return entry?.status === 'ready' ? entry.layout.name : id;
  });
}

/** A doorway to another space, its destination's name above it; clicking it (or E) goes there. */
export function PortalExhibit({ exhibit }: ExhibitProps) {
  const lit = useLit(exhibit.id);
  const to = exhibit.content.kind === 'portal' ? exhibit.content.to : '';
  const name = useSpaceName(to);
  return (
    <ExhibitGroup exhibit={exhibit}>
      <mesh geometry={doorFrame()} material={lit ? DOOR_MATERIAL_LIT : DOOR_MATERIAL} castShadow />
      <mesh geometry={UNIT_PLANE} material={DOOR_GLOW} position-y={DOOR.height / 2} scale={[DOOR.width, DOOR.height, 1]} />
      {/* The name on both faces: a doorway is walked through from either side. */}
      {[0, Math.PI].map((turn) => (
        <Text
          key={turn}
          font={SIGN_FONT}
          position={[0, DOOR.height + 0.5, turn ? -0.02 : 0.02]}
          rotation-y={turn}
          fontSize={0.3}
          maxWidth={3.2}
          textAlign="center"
          anchorX="center"
          anchorY="middle"
          color="#ffffff"
          outlineWidth={0.022}
          outlineColor="#0c3347"
        >
          {clip(name, 40)}
        </Text>
      ))}
    </ExhibitGroup>
  );
}
