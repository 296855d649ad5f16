import { useState } from 'react';
import { eventStatus } from '../../hallText.js';
import { runEvent } from '../../net/townhall.js';
import { useHall } from '../../state/hall.js';
import { useNow } from '../../state/useNow.js';
import { ThanksForm } from './ThanksForm.js';

/** Start the scheduled event, or end the live one (after a second press). */
export function EventControls() {
  const event = useHall((s) => s.event);
  const now = useNow(1000, event.state === 'scheduled');
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="mod-section" role="group" aria-label="Event">
      <h3>Event</h3>
      {event.state === 'none' ? (
        <p className="muted">No event is scheduled here. Schedule one on the events page.</p>
      ) : (
        <p>
          <strong>{event.title}</strong> <span className="muted">· {eventStatus(event, now)}</span>
        </p>
      )}
      {event.state === 'scheduled' && (
        <button type="button" onClick={() => runEvent('start')}>Start the event</button>
      )}
      {event.state === 'live' && !confirming && (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>End the event</button>
      )}
      {event.state === 'live' && confirming && (
        <span className="confirm" role="group" aria-label="End the event?">
          <span className="muted">End it for everyone?</span>
          <button
            type="button"
            className="danger small"
            autoFocus
            onClick={() => {
              runEvent('end');
              setConfirming(false);
            }}
          >
            End now
          </button>
          <button type="button" className="secondary small" onClick={() => setConfirming(false)}>Cancel</button>
        </span>
      )}
      <ThanksForm />
    </div>
  );
}
