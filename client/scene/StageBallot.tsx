import { useEffect } from 'react';
import { PlaneGeometry } from 'three';
import { barValue, stageScreenShown, type LiveBallot } from '../state/ballots.js';
import { SIGN_FONT } from './fonts.js';
import { Text } from './Text.js';

const UNIT_PLANE = new PlaneGeometry(1, 1).translate(0.5, 0, 0);
const PHASE = { scheduled: 'NOT OPEN YET', open: 'VOTING IS OPEN', closed: 'CLOSED' } as const;
const SHOWN = 8;

/**
 * A ballot on the stage screen: its state and a bar per proposal (up to eight), long as its
 * votes from the counted voters; hidden results say so until the ballot closes.
 */
export function StageBallot({ live, width, height }: { live: LiveBallot; width: number; height: number }) {
  const { ballot } = live;
  const left = -width / 2 + 0.45;
  const proposals = ballot.proposals.slice(0, SHOWN);
  const values = proposals.map((p) => barValue(live, p.id));
  const top = Math.max(1, ...values);
  const rowH = Math.min(0.3, 1.7 / Math.max(1, proposals.length));
  const labelW = width * 0.38;
  const barW = width - 0.9 - labelW - 0.6;
  const y0 = height / 2 - 1.55;
  const header = `BALLOT · ${PHASE[ballot.phase]} · ${live.turnout.accounts + live.turnout.codes} VOTED`;
  const shown = values.join(',');
  useEffect(() => {
    stageScreenShown.current = { ballotId: ballot.id, header, hidden: live.hidden, values: shown === '' ? [] : shown.split(',').map(Number) };
  }, [ballot.id, header, live.hidden, shown]);
  useEffect(() => () => {
    stageScreenShown.current = null;
  }, []);
  return (
    <>
      <Text font={SIGN_FONT} position={[left, height / 2 - 1.38, 0.01]} fontSize={0.17} color="#7fd8ff" anchorX="left" anchorY="top" letterSpacing={0.08}>
        {header}
      </Text>
      {live.hidden ? (
        <Text font={SIGN_FONT} position={[0, y0 - 0.6, 0.01]} fontSize={0.24} color="#b5bec8" anchorX="center" anchorY="middle">
          Results are shown when the ballot closes
        </Text>
      ) : proposals.map((p, i) => {
        const y = y0 - 0.2 - i * rowH;
        return (
          <group key={p.id} position-y={y}>
            <Text font={SIGN_FONT} position={[left, 0, 0.01]} fontSize={rowH * 0.55} maxWidth={labelW} color="#ffffff" anchorX="left" anchorY="middle">
              {p.title}
            </Text>
            <mesh geometry={UNIT_PLANE} position={[left + labelW + 0.1, 0, 0.006]} scale={[Math.max(0.02, (barW * values[i]!) / top), rowH * 0.6, 1]}>
              <meshBasicMaterial color="#4aa3df" toneMapped={false} />
            </mesh>
            <Text font={SIGN_FONT} position={[width / 2 - 0.45, 0, 0.01]} fontSize={rowH * 0.55} color="#ffd166" anchorX="right" anchorY="middle">
              {String(values[i])}
            </Text>
          </group>
        );
      })}
    </>
  );
}
