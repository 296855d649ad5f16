import type { EventRecord } from '../../../shared/protocol/api.js';
import { formatTime } from '../formatTime.js';
import { formatDuration } from './duration.js';

/** Who spoke from the floor and for how long, turn by turn and added up per person (equal time). */
export function FloorRecord({ turns, equalTime }: { turns: EventRecord['floorTurns']; equalTime: EventRecord['equalTime'] }) {
  return (
    <section className="panel admin-section" aria-labelledby="record-floor">
      <h2 id="record-floor">From the floor</h2>
      {turns.length === 0 ? (
        <p className="muted">Nobody was called to the floor microphone.</p>
      ) : (
        <>
          <h3>Equal time</h3>
          <div className="table-scroll">
            <table className="data-table" aria-label="Equal time">
              <thead>
                <tr>
                  <th scope="col">Speaker</th>
                  <th scope="col" className="number">Turns</th>
                  <th scope="col" className="number">Speaking time</th>
                </tr>
              </thead>
              <tbody>
                {equalTime.map((row) => (
                  <tr key={row.name}>
                    <td>{row.name}</td>
                    <td className="number">{row.turns}</td>
                    <td className="number">{formatDuration(row.seconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>Turns</h3>
          <div className="table-scroll">
            <table className="data-table" aria-label="Floor turns">
              <thead>
                <tr>
                  <th scope="col">Speaker</th>
                  <th scope="col">Started</th>
                  <th scope="col" className="number">Length</th>
                </tr>
              </thead>
              <tbody>
                {turns.map((t, i) => (
                  <tr key={`${t.startedAt}-${i}`}>
                    <td>{t.name}</td>
                    <td className="nowrap">{formatTime(t.startedAt)}</td>
                    <td className="number">{t.endedAt ? formatDuration(t.seconds) : 'speaking now'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
