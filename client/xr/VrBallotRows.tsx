import { Text } from '../scene/Text.js';
import { BODY_FONT, SIGN_FONT } from '../scene/fonts.js';
import { clip } from '../scene/exhibits/plainText.js';
import type { LiveBallot } from '../state/ballots.js';
import { useBallots } from '../state/ballots.js';
import { intents } from '../state/intents.js';
import { creditsSpent, stepVotes } from '../ui/ballots/allocation.js';
import { VrButton } from './VrButton.js';

/** Proposals the wrist panel lists (the HTML panel has them all). */
export const VR_BALLOT_PROPOSALS = 4;

/** The open ballot on the wrist: credits left, then a row per proposal with one vote less and one more (each press sends the whole allocation). */
export function VrBallotRows({ live, y, width, row }: { live: LiveBallot; y: number; width: number; row: number }) {
  const { ballot } = live;
  const votes = useBallots((s) => s.mine[ballot.id]?.votes) ?? {};
  const left = ballot.budget - creditsSpent(votes);
  const press = (id: string, step: 1 | -1) => {
    const next = stepVotes(votes, id, step, ballot.budget, ballot.allowAgainst);
    if (next) intents.ballot?.cast(ballot.id, next);
  };
  return (
    <group position={[0, y, 0]}>
      <Text font={SIGN_FONT} position={[0, 0, 0.001]} fontSize={0.0135} maxWidth={width} anchorX="center" anchorY="middle" color="#7fd8ff">
        {`${clip(ballot.title, 40)} · ${left} of ${ballot.budget} credits left`}
      </Text>
      {ballot.proposals.slice(0, VR_BALLOT_PROPOSALS).map((p, i) => (
        <group key={p.id} position={[0, -(i + 1) * row, 0]}>
          <VrButton name={`vr-ballot-less:${p.id}`} label="−" width={0.04} position={[-width / 2 + 0.02, 0, 0]} onPress={() => press(p.id, -1)} />
          <Text font={BODY_FONT} position={[-width / 2 + 0.05, 0, 0.001]} fontSize={0.0125} maxWidth={width - 0.14} anchorX="left" anchorY="middle" color="#e8ecf3">
            {`${clip(p.title, 40)}: ${votes[p.id] ?? 0}`}
          </Text>
          <VrButton name={`vr-ballot-more:${p.id}`} label="+" width={0.04} position={[width / 2 - 0.02, 0, 0]} onPress={() => press(p.id, 1)} />
        </group>
      ))}
    </group>
  );
}
