import { useEffect } from 'react';
import { followOtherTabs } from './net/account.js';
import { followAddress } from './navigation.js';
import { World } from './scene/World.js';
import { useUi } from './state/ui.js';
import { AccountPage } from './ui/AccountPage.js';
import { AdminPage } from './ui/admin/AdminPage.js';
import { EventRecordPage } from './ui/events/EventRecordPage.js';
import { EventsPage } from './ui/events/EventsPage.js';
import { Hud } from './ui/Hud.js';
import { SkipLink } from './ui/a11y/SkipLink.js';
import { InvitePage } from './ui/InvitePage.js';
import { JoinForm } from './ui/JoinForm.js';
import { LoginPage } from './ui/LoginPage.js';

const TITLES = { login: 'Sign in', invite: 'Invitation', admin: 'Administration', account: 'Your account', events: 'Events', event: 'Event record' } as const;

/** The page the address names: account pages, or a space's join form until a person enters, then the world. */
export function App() {
  const route = useUi((s) => s.route);
  const phase = useUi((s) => s.phase);
  const layout = useUi((s) => s.layout);

  useEffect(() => {
    window.addEventListener('popstate', followAddress);
    return () => window.removeEventListener('popstate', followAddress);
  }, []);

  useEffect(() => followOtherTabs(), []);

  useEffect(() => {
    if (route.page !== 'space') document.title = `${TITLES[route.page]} · Hustings`;
    else document.title = phase === 'world' && layout ? `${layout.name} · Hustings` : 'Hustings';
  }, [route.page, phase, layout]);

  switch (route.page) {
    case 'login':
      return <LoginPage next={route.next} />;
    case 'invite':
      return <InvitePage token={route.token} />;
    case 'admin':
      return <AdminPage />;
    case 'account':
      return <AccountPage />;
    case 'events':
      return <EventsPage />;
    case 'event':
      return <EventRecordPage id={route.id} />;
    case 'space':
      break;
  }
  if (phase === 'world' && layout) {
    return (
      <>
        <SkipLink />
        <World layout={layout} />
        <Hud />
      </>
    );
  }
  return <JoinForm />;
}
