import { unban } from '../../net/townhall.js';
import { useHall } from '../../state/hall.js';

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The bans in force here, each with its reason and a way to lift it (address bans also end by themselves). */
export function BanList() {
  const bans = useHall((s) => s.bans);
  return (
    <section className="ban-list" aria-label="Bans in force">
      <h3>Bans</h3>
      {bans.length === 0 ? <p className="muted">Nobody is banned here.</p> : (
        <ul>
          {bans.map((b) => (
            <li key={b.id} data-ban={b.kind}>
              <span>
                {b.kind === 'address' ? `Address of ${b.name || 'a guest'}, until ${time(b.expiresAt ?? 0)}` : b.name || 'Someone'}
                {b.reason && <span className="muted"> · {b.reason}</span>}
              </span>
              <button type="button" className="small secondary" onClick={() => unban(b.id)}>
                Lift<span className="visually-hidden"> the {b.kind === 'address' ? 'address ban' : 'ban'} of {b.name || 'this person'}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
