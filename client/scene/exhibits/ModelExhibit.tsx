import { Billboard } from '@react-three/drei';
import { Text } from '../Text.js';
import { assetUrl } from '../../state/exhibits.js';
import { SIGN_FONT } from '../fonts.js';
import { ExhibitGroup, useLit, type ExhibitProps } from './ExhibitGroup.js';
import { LOAD_RADIUS, UNLOAD_RADIUS } from './ImageExhibit.js';
import { modelPlaceholder, PLACEHOLDER, PLACEHOLDER_LIT } from './looks.js';
import { useLazyModel } from './models.js';
import { clip } from './plainText.js';
import { useNear } from './useNear.js';

/**
 * A 3D model (.glb) at its transform, standing on its point. Loaded only while the camera is
 * near (a soft block stands in before, and if the file cannot be shown); disposed when far.
 * Its title floats above it, turned to the viewer.
 */
export function ModelExhibit({ exhibit }: ExhibitProps) {
  const lit = useLit(exhibit.id);
  const file = exhibit.content.kind === 'model' ? exhibit.content.model : null;
  const near = useNear(exhibit.transform, LOAD_RADIUS, UNLOAD_RADIUS);
  const { model } = useLazyModel(near && file ? assetUrl(file.sha256) : null);
  const top = model ? model.height : 0.8;
  return (
    <ExhibitGroup exhibit={exhibit}>
      {model ? (
        <primitive object={model.root} />
      ) : (
        <mesh geometry={modelPlaceholder()} material={lit ? PLACEHOLDER_LIT : PLACEHOLDER} castShadow receiveShadow />
      )}
      <Billboard position={[0, top + 0.28, 0]}>
        <Text
        font={SIGN_FONT}
        fontSize={0.12}
        maxWidth={2.4}
        textAlign="center"
        anchorX="center"
        anchorY="bottom"
        color="#ffffff"
        outlineWidth={0.01}
        outlineColor="#1d2730"
      >
        {clip(exhibit.title, 60)}
        </Text>
      </Billboard>
    </ExhibitGroup>
  );
}
