import { Text } from '../Text.js';
import { useEffect, useMemo } from 'react';
import { MeshBasicMaterial } from 'three';
import { assetUrl } from '../../state/exhibits.js';
import { BODY_FONT } from '../fonts.js';
import { ExhibitGroup, useLit, type ExhibitProps } from './ExhibitGroup.js';
import { body, easel, FRAME, FRAME_LIT, INK, MAT, PLACEHOLDER, PLACEHOLDER_LIT, UNIT_BOX, UNIT_PLANE } from './looks.js';
import { clip } from './plainText.js';
import { FRAME_EDGE, hangs, MAT_BOTTOM, MAT_SIDE, MAT_TOP, pictureCentre, PICTURE_SIZE } from './stands.js';
import { useLazyTexture } from './textures.js';
import { useNear } from './useNear.js';

/** Pictures load within this many metres of the camera and are let go beyond the second. */
export const LOAD_RADIUS = 20;
export const UNLOAD_RADIUS = 26;

/**
 * An image: a picture on a cream mat in a dark frame, hung at its transform or standing on an
 * easel, its title in the mat's lower margin. The file is loaded only while the camera is
 * near; until then a neutral tone fills the frame.
 */
export function ImageExhibit({ exhibit }: ExhibitProps) {
  const lit = useLit(exhibit.id);
  const file = exhibit.content.kind === 'image' ? exhibit.content.image : null;
  const near = useNear(exhibit.transform, LOAD_RADIUS, UNLOAD_RADIUS);
  const { texture } = useLazyTexture(near && file ? assetUrl(file.sha256) : null);
  const material = useMemo(() => (texture ? new MeshBasicMaterial({ map: texture, toneMapped: false }) : null), [texture]);
  useEffect(() => () => material?.dispose(), [material]);

  const aspect = Math.min(3, Math.max(1 / 3, (texture?.userData.aspect as number | undefined) ?? 4 / 3));
  const w = aspect >= 1 ? PICTURE_SIZE : PICTURE_SIZE * aspect;
  const h = aspect >= 1 ? PICTURE_SIZE / aspect : PICTURE_SIZE;
  const matW = w + 2 * MAT_SIDE;
  const matH = h + MAT_TOP + MAT_BOTTOM;
  const cy = pictureCentre(exhibit);
  const matTop = cy + matH / 2;
  return (
    <ExhibitGroup exhibit={exhibit}>
      {!hangs(exhibit) && <mesh geometry={easel()} material={body(lit)} castShadow />}
      <mesh geometry={UNIT_BOX} material={lit ? FRAME_LIT : FRAME} position={[0, cy, -0.01]} scale={[matW + 2 * FRAME_EDGE, matH + 2 * FRAME_EDGE, 0.04]} castShadow receiveShadow />
      <mesh geometry={UNIT_BOX} material={MAT} position={[0, cy, 0.012]} scale={[matW, matH, 0.01]} />
      <mesh
        geometry={UNIT_PLANE}
        material={material ?? (lit ? PLACEHOLDER_LIT : PLACEHOLDER)}
        position={[0, matTop - MAT_TOP - h / 2, 0.0175]}
        scale={[w, h, 1]}
      />
      <Text
        font={BODY_FONT}
        position={[0, matTop - matH + MAT_BOTTOM / 2, 0.018]}
        fontSize={0.05}
        lineHeight={1.2}
        maxWidth={matW - 0.08}
        textAlign="center"
        anchorX="center"
        anchorY="middle"
        color={INK}
      >
        {clip(exhibit.title, 80)}
      </Text>
    </ExhibitGroup>
  );
}
