import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { removeFromConsole, useConsole } from '../../net/console.js';
import { mute } from '../../net/townhall.js';
import { useHall } from '../../state/hall.js';
import type { Person } from '../../state/ui.js';
import { RoleBadge } from '../RoleBadge.js';
import { BanList } from '../townhall/BanList.js';
import { ConfirmBan } from '../townhall/ConfirmBan.js';

type Pending = { kind: 'remove' | 'ban'; person: Person } | null;

/**
 * The people in the hall, each with mute (their questions and reactions), remove (out of this
 * room for a while) and ban (a reason, and for guests optionally their address); and the bans
 * in force. Staff are listed without these: the server refuses them anyway.
 */
export function ConsolePeople({ canBan }: { canBan: boolean }) {
  const people = useConsole((s) => s.people);
  const mutedIds = useHall((s) => s.queue?.muted);
  const muted = new Set(mutedIds ?? []);
  const [pending, setPending] = useState<Pending>(null);
  const close = () => setPending(null);
  const visitors = people.filter((p) => p.role === 'visitor');
  return (
    <section className="console-people" aria-labelledby="console-people-title">
      <h2 id="console-people-title">People <span className="count">{people.length}</span></h2>
      {visitors.length === 0 ? <p className="muted">No visitors in the hall.</p> : (
        <ul className="console-person-list">
          {visitors.map((p) => {
            const isMuted = muted.has(p.id);
            return (
              <li key={p.id}>
                <span className="person-name">{p.name}{!p.connected && <span className="muted"> (reconnecting)</span>}{isMuted && <span className="flag"> Muted</span>}</span>
                <span className="button-row">
                  <Button className="button small secondary" onPress={() => mute({ sessionId: p.id, muted: !isMuted })} aria-label={`${isMuted ? 'Unmute' : 'Mute'} ${p.name}`}>
                    {isMuted ? 'Unmute' : 'Mute'}
                  </Button>
                  <Button className="button small secondary" onPress={() => setPending({ kind: 'remove', person: p })} aria-label={`Remove ${p.name}`}>Remove</Button>
                  {canBan && <Button className="button small danger" onPress={() => setPending({ kind: 'ban', person: p })} aria-label={`Ban ${p.name}`}>Ban</Button>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {people.filter((p) => p.role !== 'visitor').length > 0 && (
        <p className="muted staff-line">
          Staff here: {people.filter((p) => p.role !== 'visitor').map((p) => <span key={p.id}>{p.name} <RoleBadge role={p.role} /> </span>)}
        </p>
      )}
      {canBan && <BanList />}
      <ModalOverlay className="console-overlay" isOpen={pending !== null} onOpenChange={(open) => { if (!open) close(); }} isDismissable>
        <Modal className="console-modal">
          <Dialog className="console-dialog" aria-label={pending ? `${pending.kind === 'ban' ? 'Ban' : 'Remove'} ${pending.person.name}` : 'Confirm'}>
            {pending?.kind === 'remove' && (
              <>
                <Heading slot="title">Remove {pending.person.name}?</Heading>
                <p>They leave the town hall now and cannot come back into this room for 15 minutes.</p>
                <div className="button-row">
                  <Button className="button danger" autoFocus onPress={() => { removeFromConsole(pending.person.id); close(); }}>Remove {pending.person.name}</Button>
                  <Button className="button secondary" onPress={close}>Cancel</Button>
                </div>
              </>
            )}
            {pending?.kind === 'ban' && (
              <>
                <Heading slot="title">Ban {pending.person.name}</Heading>
                <ConfirmBan person={pending.person} onDone={close} />
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </section>
  );
}
