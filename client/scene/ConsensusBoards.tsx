import type { ConversationView } from '../../shared/protocol/consensus.js';
import { groupColour, groupName, useConsensus } from '../state/consensus.js';
import { MAP_CENTRE_HEIGHT, MAP_HALF_WIDTH } from './consensusPlace.js';
import { BODY_FONT, SIGN_FONT } from './fonts.js';
import { Text } from './Text.js';

const CARD_WIDTH = 1.5;
const CARD_HEIGHT = 1.25;
const SHORT = 90;

const short = (text: string) => (text.length > SHORT ? `${text.slice(0, SHORT - 1)}…` : text);
const textOf = (c: ConversationView, n: number) => c.statements.find((s) => s.number === n)?.text ?? `Statement ${n}`;

function Board({ x, y, title, lines, accent, name }: { x: number; y: number; title: string; lines: string[]; accent: string; name: string }) {
  return (
    <group position={[x, y, -0.3]} rotation-y={x > 0 ? -0.35 : 0.35}>
      <mesh>
        <boxGeometry args={[CARD_WIDTH, CARD_HEIGHT, 0.04]} />
        <meshStandardMaterial color="#f4f1e8" roughness={0.8} />
      </mesh>
      <mesh position={[0, CARD_HEIGHT / 2 - 0.04, 0.021]}>
        <planeGeometry args={[CARD_WIDTH, 0.08]} />
        <meshBasicMaterial color={accent} />
      </mesh>
      <Text font={SIGN_FONT} position={[-CARD_WIDTH / 2 + 0.08, CARD_HEIGHT / 2 - 0.12, 0.025]} fontSize={0.085} color="#1b2027" anchorX="left" anchorY="top" maxWidth={CARD_WIDTH - 0.16}>
        {title}
      </Text>
      <Text font={BODY_FONT} name={name} position={[-CARD_WIDTH / 2 + 0.08, CARD_HEIGHT / 2 - 0.3, 0.025]} fontSize={0.06} lineHeight={1.25} color="#1b2027" anchorX="left" anchorY="top" maxWidth={CARD_WIDTH - 0.16}>
        {lines.length > 0 ? lines.join('\n') : 'Nothing yet.'}
      </Text>
    </group>
  );
}

/** A card per opinion group (what sets it apart) to the right of the map, and the bridging wall to its left. */
export function ConsensusBoards() {
  const conversation = useConsensus((s) => s.conversation);
  const analysis = useConsensus((s) => s.analysis);
  if (!conversation || !analysis) return null;
  const cardX = MAP_HALF_WIDTH + 0.55 + CARD_WIDTH / 2;
  return (
    <>
      <Board
        x={-cardX}
        y={MAP_CENTRE_HEIGHT}
        accent="#1f5647"
        name="consensus-bridging"
        title="Statements that bridge the groups"
        lines={analysis.bridging.slice(0, 4).map((b) => `• ${short(textOf(conversation, b.statement))}`)}
      />
      {analysis.groups.slice(0, 5).map((g, i) => (
        <Board
          key={g.id}
          x={cardX + Math.floor(i / 2) * (CARD_WIDTH + 0.1)}
          y={MAP_CENTRE_HEIGHT + (i % 2 === 0 ? 0.7 : -0.65)}
          accent={groupColour(g.id)}
          name={`consensus-group-${g.id}`}
          title={`${groupName(g.id)}: ${g.size} ${g.size === 1 ? 'person' : 'people'}`}
          lines={g.representative.slice(0, 3).map((r) => `${Math.round(r.p * 100)}% ${r.direction}: ${short(textOf(conversation, r.statement))}`)}
        />
      ))}
    </>
  );
}
