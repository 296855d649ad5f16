import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { eventStatus, presentLine, recordPath } from '../../hallText.js';
import { consoleSectionNote, sectionLine } from '../../net/sections.js';
import { runEvent } from '../../net/townhall.js';
import { useHall } from '../../state/hall.js';
import { useNow } from '../../state/useNow.js';
import { ThanksForm } from '../townhall/ThanksForm.js';

/** The event at the top of the console: its state, how many are present, start and end (confirmed), and the closing note. */
export function ConsoleEvent() {
  const event = useHall((s) => s.event);
  const present = useHall((s) => s.present);
  const sections = useHall((s) => sectionLine(s.section, s.sections, s.attending));
  const where = useHall((s) => consoleSectionNote(s.section, s.sections));
  const now = useNow(1000, event.state === 'scheduled');
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="console-event" aria-label="Event">
      <p>
        <span className={`event-state state-${event.state}`}>{eventStatus(event, now)}</span>
        <span className="muted"> · {presentLine(present)}</span>
        {sections && <span className="muted"> · {sections}</span>}
      </p>
      {where && <p className="muted console-section-note">{where}</p>}
      <div className="button-row">
        {event.state === 'scheduled' && <Button className="button" onPress={() => runEvent('start')}>Start the event</Button>}
        {event.state === 'live' && <Button className="button secondary" onPress={() => setConfirming(true)}>End the event</Button>}
        {event.state === 'ended' && event.id && <a className="button secondary" href={recordPath(event.id)}>Read the record</a>}
      </div>
      <ThanksForm key={event.id} />
      <ModalOverlay className="console-overlay" isOpen={confirming} onOpenChange={setConfirming} isDismissable>
        <Modal className="console-modal">
          <Dialog className="console-dialog" role="alertdialog">
            <Heading slot="title">End the event for everyone?</Heading>
            <p>Questions, votes, hands and the floor close; everyone is shown where the record is.</p>
            <div className="button-row">
              <Button className="button danger" autoFocus onPress={() => { runEvent('end'); setConfirming(false); }}>End now</Button>
              <Button className="button secondary" onPress={() => setConfirming(false)}>Cancel</Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </section>
  );
}
