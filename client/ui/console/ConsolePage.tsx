import { useEffect, useRef, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { allows } from '../../../shared/access.js';
import { FLOOR_SECONDS_DEFAULT } from '../../../shared/protocol/townhall.js';
import { closeConsole, openConsole, useConsole } from '../../net/console.js';
import { callToFloor, endFloorTurn, extendFloorTurn, moderate } from '../../net/townhall.js';
import { pathForEvent, pathForSpace } from '../../route.js';
import { useMe } from '../../state/account.js';
import { useHall } from '../../state/hall.js';
import { AccountLinks } from '../AccountLinks.js';
import { Link } from '../Link.js';
import { SignInNeeded } from '../SignInNeeded.js';
import { handsInOrder } from '../townhall/handOrder.js';
import { ConsoleColumns } from './ConsoleColumns.js';
import { ConsoleEvent } from './ConsoleEvent.js';
import { ConsoleFloor } from './ConsoleFloor.js';
import { ConsolePeople } from './ConsolePeople.js';
import { commandFor, CONSOLE_KEYS, type ConsoleCommand } from './consoleKeys.js';
import { consoleColumns } from './consoleQuestions.js';
import './console.css';

/**
 * `/events/<id>/moderate`: the moderator console, a whole page for running an event beside the
 * 3D view, on a second screen or a tablet. It has its own connection to the town hall (no
 * avatar); everything here is an intent the server checks against the permissions table.
 */
export function ConsolePage({ id }: { id: string }) {
  const me = useMe();
  const status = useConsole((s) => s.status);
  const error = useConsole((s) => s.error);
  const event = useConsole((s) => s.event);
  const notice = useConsole((s) => s.notice);
  const queue = useHall((s) => s.queue);
  const questions = useHall((s) => s.questions);
  const results = useHall((s) => s.results);
  const [search, setSearch] = useState('');
  const [seconds, setSeconds] = useState(FLOOR_SECONDS_DEFAULT);
  const [help, setHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const signedIn = me !== null;

  useEffect(() => {
    if (!signedIn) return;
    void openConsole(id);
    return () => void closeConsole();
  }, [id, signedIn]);

  const all = consoleColumns(queue?.pending ?? [], questions, '');
  const columns = search ? consoleColumns(queue?.pending ?? [], questions, search) : all;

  const run = (command: ConsoleCommand): void => {
    const firstWaiting = columns.waiting[0];
    const topApproved = columns.approved.find((q) => q.state === 'approved');
    const onScreen = all.approved.find((q) => q.state === 'answering');
    const hand = handsInOrder(useConsole.getState().people, useHall.getState().handsElsewhere)[0];
    switch (command) {
      case 'search': searchRef.current?.focus(); break;
      case 'approve': if (firstWaiting) moderate({ id: firstWaiting.id, action: 'approve' }); break;
      case 'dismiss': if (firstWaiting) moderate({ id: firstWaiting.id, action: 'dismiss' }); break;
      case 'next': if (topApproved) moderate({ id: topApproved.id, action: 'answer' }); break;
      case 'answered': if (onScreen) moderate({ id: onScreen.id, action: 'answered' }); break;
      case 'call': if (hand) callToFloor({ sessionId: hand.id, seconds }); break;
      case 'endTurn': if (useHall.getState().floor.holder) endFloorTurn(); break;
      case 'more': extendFloorTurn(30); break;
      case 'less': extendFloorTurn(-30); break;
      case 'help': setHelp(true); break;
    }
  };
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = commandFor(e);
      if (!command || document.querySelector('.console-overlay')) return;
      e.preventDefault();
      runRef.current(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!me) {
    return <SignInNeeded title="Moderator console" reason="The console is for the moderators and hosts of an event." next={`${pathForEvent(id)}/moderate`} me={null} />;
  }
  const spaceId = event?.spaceId ?? '';
  const canBan = allows('space.ban', me, spaceId);
  const latest = Object.values(results).reduce<{ text: string; ok: boolean; serial: number } | null>((a, r) => (r && (!a || r.serial > a.serial) ? r : a), null);

  return (
    <div className="console-page">
      <header className="console-bar">
        <div>
          <p className="muted">
            <Link href="/events">Events</Link>
            {event && <> · <Link href={pathForEvent(event.id)}>Record</Link> · <a href={pathForSpace(event.spaceId)} target="_blank" rel="noopener">Open the town hall</a></>}
          </p>
          <h1>{event ? `Moderating: ${event.title}` : 'Moderator console'}</h1>
        </div>
        <Button className="button small secondary" onPress={() => setHelp(true)}>Shortcuts <kbd>?</kbd></Button>
        <AccountLinks me={me} />
      </header>
      {status === 'connecting' && <p className="console-status" role="status">Connecting to the town hall…</p>}
      {(status === 'refused' || status === 'lost') && (
        <div className="console-status form-error" role="alert">
          <p>{error}</p>
          {status === 'lost' && <Button className="button small" onPress={() => void openConsole(id)}>Reconnect</Button>}
        </div>
      )}
      {status === 'connected' && (
        <>
          <p className={latest && !latest.ok ? 'console-notice form-error' : 'console-notice'} role="status" aria-live="polite">{latest?.text ?? ''}</p>
          {notice && <p className="console-notice form-error" role="alert" key={notice.serial}>{notice.text}</p>}
          <div className="console-grid">
            <ConsoleEvent />
            <ConsoleColumns columns={columns} all={all} search={search} onSearch={setSearch} searchRef={searchRef} />
            <aside className="console-side" aria-label="Floor and people">
              <ConsoleFloor seconds={seconds} onSeconds={setSeconds} />
              <ConsolePeople canBan={canBan} />
            </aside>
          </div>
        </>
      )}
      <ModalOverlay className="console-overlay" isOpen={help} onOpenChange={setHelp} isDismissable>
        <Modal className="console-modal">
          <Dialog className="console-dialog">
            <Heading slot="title">Keyboard shortcuts</Heading>
            <dl className="console-keys">
              {CONSOLE_KEYS.map((k) => <div key={k.key}><dt><kbd>{k.key}</kbd></dt><dd>{k.does}</dd></div>)}
            </dl>
            <Button className="button secondary" onPress={() => setHelp(false)} autoFocus>Close</Button>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </div>
  );
}
