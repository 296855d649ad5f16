import { Text } from '@react-three/drei';
import type { Metric } from '../../../shared/sim/model.js';
import { formatMetric, runProgress } from '../../sim/format.js';
import type { TwinView } from '../../sim/useTwin.js';
import type { RunState } from '../../state/twins.js';
import { BODY_FONT, SIGN_FONT } from '../fonts.js';
import { INK, INK_SOFT } from './looks.js';
import { clip } from './plainText.js';
import { TWIN } from './twinLooks.js';

/** Headline outcomes on the board (the detail view lists them all). */
const HEADLINES = 5;
const { width, height, bottom, z } = TWIN.board;
const LEFT = -width / 2 + 0.1;
const FACE = z + 0.028;
const COLUMN_OFFICIAL = 0.3;
const COLUMN_YOURS = 0.72;
const ROW = 0.105;

function valueOf(run: RunState | undefined, m: Metric): string {
  return run?.status === 'done' ? formatMetric(m, run.result.metrics[m.key]) : '…';
}

/** The board behind the table: title, the question, and the headline numbers, official beside yours. */
export function TwinBoard({ title, twin }: { title: string; twin: TwinView }) {
  const metrics = twin.model.info.metrics.slice(0, HEADLINES);
  const top = bottom + height - 0.1;
  const tableTop = top - 0.36;
  // The board has room for a short line: the sentence's first clause.
  // While nothing is computing, the model's own caveat: how it fares against reality.
  const note = (twin.mine ? runProgress(twin.mineRun) : runProgress(twin.officialRun))?.split(':')[0] ?? twin.model.info.caveat ?? '';
  return (
    <group>
      <Text font={SIGN_FONT} position={[LEFT, top, FACE]} fontSize={0.085} maxWidth={width - 0.2} anchorX="left" anchorY="top" color={INK}>
        {clip(title, 60)}
      </Text>
      <Text font={BODY_FONT} position={[LEFT, top - 0.13, FACE]} fontSize={0.048} lineHeight={1.3} maxWidth={width - 0.2} anchorX="left" anchorY="top" color={INK_SOFT}>
        {clip(twin.model.info.question, 110)}
      </Text>
      <Text font={SIGN_FONT} position={[LEFT + COLUMN_OFFICIAL + 0.6, tableTop, FACE]} fontSize={0.05} anchorX="right" anchorY="top" color={INK_SOFT}>
        Official
      </Text>
      {twin.mine && (
        <Text font={SIGN_FONT} position={[LEFT + COLUMN_YOURS + 0.85, tableTop, FACE]} fontSize={0.05} anchorX="right" anchorY="top" color="#2f6f86">
          Yours
        </Text>
      )}
      {metrics.map((m, i) => {
        const y = tableTop - ROW * (i + 1);
        return (
          <group key={m.key}>
            <Text font={BODY_FONT} position={[LEFT, y, FACE]} fontSize={0.052} maxWidth={0.85} anchorX="left" anchorY="top" color={INK}>
              {clip(m.label, 28)}
            </Text>
            <Text font={SIGN_FONT} position={[LEFT + COLUMN_OFFICIAL + 0.6, y, FACE]} fontSize={0.056} anchorX="right" anchorY="top" color={INK}>
              {valueOf(twin.officialRun, m)}
            </Text>
            {twin.mine && (
              <Text font={SIGN_FONT} position={[LEFT + COLUMN_YOURS + 0.85, y, FACE]} fontSize={0.056} anchorX="right" anchorY="top" color="#2f6f86">
                {valueOf(twin.mineRun, m)}
              </Text>
            )}
          </group>
        );
      })}
      {note && (
        <Text font={BODY_FONT} position={[LEFT, bottom + 0.08, FACE]} fontSize={0.045} maxWidth={width - 0.2} anchorX="left" anchorY="bottom" color={INK_SOFT}>
          {note}
        </Text>
      )}
    </group>
  );
}
