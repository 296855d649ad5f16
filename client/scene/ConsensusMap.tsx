import { useLayoutEffect, useRef } from 'react';
import { Color, Object3D, type InstancedMesh } from 'three';
import { groupColour, useConsensus } from '../state/consensus.js';
import { ConsensusBoards } from './ConsensusBoards.js';
import { CONSENSUS_PLACES, groupDepth, MAP_CENTRE_HEIGHT, mapScale, MAP_HALF_WIDTH } from './consensusPlace.js';
import { SIGN_FONT } from './fonts.js';
import { Text } from './Text.js';

/** Most points the constellation draws (the room already sends at most 2,000). */
const MAX_POINTS = 2000;
const placer = new Object3D();
const colour = new Color();

/** The participants as points of light, coloured by opinion group: one instanced mesh, one draw call. */
function Constellation() {
  const analysis = useConsensus((s) => s.analysis);
  const place = useConsensus((s) => s.mine?.place ?? null);
  const mesh = useRef<InstancedMesh>(null);
  const points = analysis?.points ?? [];
  const scale = mapScale(points);

  useLayoutEffect(() => {
    const m = mesh.current;
    if (!m) return;
    const n = Math.min(points.length, MAX_POINTS);
    for (let i = 0; i < n; i++) {
      const [, x, y, group] = points[i]!;
      placer.position.set(x * scale, MAP_CENTRE_HEIGHT + y * scale, groupDepth(group));
      placer.updateMatrix();
      m.setMatrixAt(i, placer.matrix);
      m.setColorAt(i, colour.set(groupColour(group)));
    }
    m.count = n;
    m.instanceMatrix.needsUpdate = true;
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
  }, [points, scale]);

  return (
    <>
      <instancedMesh ref={mesh} name="consensus-points" args={[undefined, undefined, MAX_POINTS]} frustumCulled={false}>
        <sphereGeometry args={[0.06, 10, 8]} />
        <meshBasicMaterial />
      </instancedMesh>
      {place && (
        <group position={[place.x * scale, MAP_CENTRE_HEIGHT + place.y * scale, groupDepth(place.group)]}>
          <mesh name="consensus-you">
            <torusGeometry args={[0.11, 0.018, 8, 24]} />
            <meshBasicMaterial color="#ffffff" />
          </mesh>
          <Text font={SIGN_FONT} position={[0, 0.2, 0]} fontSize={0.1} color="#ffffff" anchorX="center" anchorY="bottom" outlineWidth={0.008} outlineColor="#1b2027">
            you are here
          </Text>
        </group>
      )}
    </>
  );
}

/**
 * The consensus question in the world: the opinion map as a constellation over a low plinth,
 * its title, the group cards to one side and the wall of bridging statements to the other.
 */
export function ConsensusMap({ spaceId }: { spaceId: string }) {
  const question = useConsensus((s) => (s.spaceId === spaceId ? s.conversation?.question : undefined));
  const spot = CONSENSUS_PLACES[spaceId];
  if (!spot || !question) return null;
  return (
    <group position={[spot.x, 0, spot.z]} rotation-y={spot.yaw} name="consensus-map">
      <mesh position={[0, 0.03, 0.6]} receiveShadow>
        <cylinderGeometry args={[MAP_HALF_WIDTH, MAP_HALF_WIDTH + 0.1, 0.06, 40]} />
        <meshStandardMaterial color="#8d949b" roughness={0.85} />
      </mesh>
      {/* The dark board behind the points, on two posts, with the question along its top. */}
      <mesh position={[0, MAP_CENTRE_HEIGHT + 0.2, -0.45]}>
        <boxGeometry args={[2 * MAP_HALF_WIDTH + 0.4, 2.75, 0.05]} />
        <meshStandardMaterial color="#1b2530" roughness={0.9} />
      </mesh>
      {[-1, 1].map((side) => (
        <mesh key={side} position={[side * (MAP_HALF_WIDTH + 0.25), (MAP_CENTRE_HEIGHT + 1.6) / 2, -0.45]} castShadow>
          <boxGeometry args={[0.08, MAP_CENTRE_HEIGHT + 1.6, 0.08]} />
          <meshStandardMaterial color="#39413f" roughness={0.6} metalness={0.3} />
        </mesh>
      ))}
      <Text font={SIGN_FONT} name="consensus-title" position={[0, MAP_CENTRE_HEIGHT + 1.5, -0.41]} fontSize={0.13} maxWidth={2 * MAP_HALF_WIDTH} color="#f4f1e8" anchorX="center" anchorY="top" textAlign="center">
        {`Opinion map: ${question}`}
      </Text>
      <Constellation />
      <ConsensusBoards />
    </group>
  );
}
