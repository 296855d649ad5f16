import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { BoxGeometry, type Mesh } from 'three';
import type { SpaceLayout } from '../../shared/spaces/layout.js';
import { ballotBars, barValue, featuredBallot, useBallots, type LiveBallot } from '../state/ballots.js';
import { ballotStandPlace } from './ballotStandPlace.js';
import { SIGN_FONT } from './fonts.js';
import { Text } from './Text.js';

/** A unit box standing on y = 0, so scaling y grows a bar upwards. */
const BAR_BOX = new BoxGeometry(1, 1, 1).translate(0, 0.5, 0);
const PLINTH = new BoxGeometry(1, 1, 1);
const BAR_MAX_M = 2;
const BAR_MIN_M = 0.04;
const COLOURS = ['#4aa3df', '#f2a541', '#6cc07a', '#d8645f', '#a57fd8', '#4fc6c0', '#e38ac3', '#c9b458'];
const WIDTH_M = 4;

function Bars({ live }: { live: LiveBallot }) {
  const { ballot } = live;
  const refs = useRef<(Mesh | null)[]>([]);
  const count = ballot.proposals.length;
  const spacing = Math.min(0.7, WIDTH_M / count);
  const values = ballot.proposals.map((p) => barValue(live, p.id));
  const top = Math.max(1, ...values);
  const targets = values.map((v) => BAR_MIN_M + (BAR_MAX_M * v) / top);
  const heights = useMemo(() => new Array<number>(count).fill(BAR_MIN_M), [count]);
  useFrame((_, dt) => {
    const k = Math.min(1, dt * 4);
    for (let i = 0; i < count; i++) {
      heights[i] = heights[i]! + (targets[i]! - heights[i]!) * k;
      const mesh = refs.current[i];
      if (mesh) mesh.scale.y = heights[i]!;
    }
    ballotBars.set(ballot.id, heights.slice());
  });
  return (
    <>
      {ballot.proposals.map((p, i) => {
        const x = (i - (count - 1) / 2) * spacing;
        return (
          <group key={p.id} position-x={x}>
            <mesh ref={(m) => { refs.current[i] = m; }} geometry={BAR_BOX} position-y={0.3} scale={[spacing * 0.7, BAR_MIN_M, 0.3]} castShadow>
              <meshStandardMaterial color={COLOURS[i % COLOURS.length]} roughness={0.45} />
            </mesh>
            <Text font={SIGN_FONT} position={[0, 0.15, 0.26]} fontSize={0.09} maxWidth={spacing * 0.95} color="#1d2630" anchorX="center" anchorY="middle" textAlign="center">
              {`${p.title} · ${live.hidden ? '?' : values[i]}`}
            </Text>
          </group>
        );
      })}
    </>
  );
}

/**
 * The ballot stand: each proposal of the space's featured ballot (the one on the stage screen,
 * else the open one) as a bar that grows with its votes from the counted voters, under the
 * ballot's title. Hidden results keep the bars low until the ballot closes.
 */
export function BallotStand({ layout }: { layout: SpaceLayout }) {
  const live = useBallots((s) => featuredBallot(s.ballots));
  const place = useMemo(() => ballotStandPlace(layout), [layout]);
  if (!live) return null;
  return (
    <group position={[place.x, 0, place.z]} rotation-y={place.yaw}>
      <mesh geometry={PLINTH} position-y={0.15} scale={[WIDTH_M + 0.4, 0.3, 0.5]} receiveShadow castShadow>
        <meshStandardMaterial color="#e9e2d6" roughness={0.8} />
      </mesh>
      <Text font={SIGN_FONT} position={[0, BAR_MAX_M + 0.75, 0]} fontSize={0.2} maxWidth={WIDTH_M} color="#20303f" anchorX="center" anchorY="bottom" textAlign="center" outlineWidth={0.01} outlineColor="#ffffff">
        {`${live.ballot.title}${live.ballot.phase === 'open' ? '' : live.ballot.phase === 'closed' ? ' (closed)' : ' (not open yet)'}`}
      </Text>
      <Bars live={live} />
    </group>
  );
}
