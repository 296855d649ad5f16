import type { ConsensusAnalysisView, ConversationView } from '../../../shared/protocol/consensus.js';
import { openDataLinks } from '../../net/consensus.js';
import { groupName, useConsensus } from '../../state/consensus.js';

const percent = (p: number) => `${Math.round(p * 100)}%`;

function statementText(conversation: ConversationView, number: number): string {
  return conversation.statements.find((s) => s.number === number)?.text ?? `Statement ${number}`;
}

/**
 * The opinion map as text: the groups with the statements that set each apart, the statements
 * that bridge the groups, those most people agree or disagree with, your own place, and the
 * open data. The accessible version of the constellation, cards and wall in the world.
 */
export function OpinionSummary({ headingLevel = 3 }: { headingLevel?: 3 | 4 }) {
  const conversation = useConsensus((s) => s.conversation);
  const analysis = useConsensus((s) => s.analysis);
  const place = useConsensus((s) => s.mine?.place ?? null);
  if (!conversation) return null;
  const H = `h${headingLevel}` as const;
  return (
    <div className="opinion-summary">
      <H>Opinion groups</H>
      {!analysis || analysis.groups.length === 0 ? (
        <p className="empty">No groups yet: they appear once enough people have voted.</p>
      ) : (
        <>
          <p>
            {analysis.participantCount} people have voted; {analysis.clusteredCount} are on the map in {analysis.groups.length} group{analysis.groups.length === 1 ? '' : 's'}.
            {place ? (place.group >= 0 ? ` You are in ${groupName(place.group)}.` : ' Vote on a few more statements to join a group.') : ''}
          </p>
          <ul className="consensus-groups">
            {analysis.groups.map((g) => (
              <li key={g.id} data-group={g.id}>
                <strong>{groupName(g.id)}</strong> ({g.size} {g.size === 1 ? 'person' : 'people'})
                {g.representative.length === 0 ? <p className="empty">No statement sets this group apart yet.</p> : (
                  <ul>
                    {g.representative.map((r) => (
                      <li key={`${r.direction}-${r.statement}`}>
                        {percent(r.p)} {r.direction === 'agree' ? 'agree' : 'disagree'}: {statementText(conversation, r.statement)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          <Bridging analysis={analysis} conversation={conversation} H={H} />
        </>
      )}
      <H>Open data</H>
      <p className="consensus-links">
        {openDataLinks().map((l) => <a key={l.name} href={l.href} download={l.name}>{l.name}</a>)}
      </p>
    </div>
  );
}

function Bridging({ analysis, conversation, H }: { analysis: ConsensusAnalysisView; conversation: ConversationView; H: 'h3' | 'h4' }) {
  return (
    <>
      <H>Statements that bridge the groups</H>
      <ol className="consensus-bridging">
        {analysis.bridging.slice(0, 5).map((b) => (
          <li key={b.statement}>{statementText(conversation, b.statement)} <span className="count">(all groups agree: {percent(b.agree)})</span></li>
        ))}
      </ol>
      {analysis.majority.agree.length > 0 && (
        <>
          <H>Most people agree</H>
          <ul>{analysis.majority.agree.map((m) => <li key={m.statement}>{statementText(conversation, m.statement)} ({percent(m.p)})</li>)}</ul>
        </>
      )}
      {analysis.majority.disagree.length > 0 && (
        <>
          <H>Most people disagree</H>
          <ul>{analysis.majority.disagree.map((m) => <li key={m.statement}>{statementText(conversation, m.statement)} ({percent(m.p)})</li>)}</ul>
        </>
      )}
    </>
  );
}
