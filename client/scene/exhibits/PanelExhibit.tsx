import { Text } from '../Text.js';
import { useState } from 'react';
import { BODY_FONT, SIGN_FONT } from '../fonts.js';
import { ExhibitGroup, useLit, type ExhibitProps } from './ExhibitGroup.js';
import { body, INK, INK_SOFT, panelBody } from './looks.js';
import { clip, plainExcerpt } from './plainText.js';
import { PANEL } from './stands.js';

const MARGIN = 0.1;
const LEFT = -PANEL.width / 2 + MARGIN;
const TEXT_WIDTH = PANEL.width - 2 * MARGIN;
const TOP = PANEL.bottom + PANEL.height - 0.12;
const Z = PANEL.face + 0.003;
/** The summary stops above the byline. */
const TEXT_FLOOR = PANEL.bottom + 0.2;

interface TroikaSynced { textRenderInfo?: { blockBounds?: number[] } }

/**
 * A panel: a framed freestanding board with the title large, the summary (or the start of the
 * text) below it and the sponsor line at the foot. All curator text is drawn as glyphs.
 */
export function PanelExhibit({ exhibit }: ExhibitProps) {
  const lit = useLit(exhibit.id);
  const [titleBottom, setTitleBottom] = useState(TOP - 0.26);
  if (exhibit.content.kind !== 'panel') return null;
  const c = exhibit.content;
  const long = exhibit.title.length > 48;
  const text = c.summary.trim() ? clip(c.summary.trim(), 420) : plainExcerpt(c.body, 320);
  const author = exhibit.provenance.author.trim();
  const byline = clip(c.sponsor.trim() || (author ? `By ${author}` : ''), 90);
  const textTop = titleBottom - 0.07;
  return (
    <ExhibitGroup exhibit={exhibit}>
      <mesh geometry={panelBody()} material={body(lit)} castShadow receiveShadow />
      <Text
        font={SIGN_FONT}
        position={[LEFT, TOP, Z]}
        fontSize={long ? 0.075 : 0.1}
        lineHeight={1.15}
        maxWidth={TEXT_WIDTH}
        anchorX="left"
        anchorY="top"
        color={INK}
        onSync={(mesh: TroikaSynced) => {
          const minY = mesh.textRenderInfo?.blockBounds?.[1];
          if (typeof minY !== 'number') return;
          const bottom = TOP + minY;
          if (Math.abs(bottom - titleBottom) > 0.002) setTitleBottom(bottom);
        }}
      >
        {exhibit.title}
      </Text>
      {text && (
        <Text
          font={BODY_FONT}
          position={[LEFT, textTop, Z]}
          fontSize={0.058}
          lineHeight={1.38}
          maxWidth={TEXT_WIDTH}
          anchorX="left"
          anchorY="top"
          color={INK}
          clipRect={[-0.05, TEXT_FLOOR - textTop, TEXT_WIDTH + 0.05, 0.05]}
        >
          {text}
        </Text>
      )}
      {byline && (
        <Text
          font={BODY_FONT}
          position={[LEFT, PANEL.bottom + 0.09, Z]}
          fontSize={0.045}
          maxWidth={TEXT_WIDTH}
          anchorX="left"
          anchorY="bottom"
          color={INK_SOFT}
        >
          {byline}
        </Text>
      )}
    </ExhibitGroup>
  );
}
