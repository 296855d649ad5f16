import { lazyRetry } from './lazyRetry.js';
import { Suspense, useEffect, type ReactNode } from 'react';
import { followOtherTabs } from './net/account.js';
import { followAddress } from './navigation.js';
import { World } from './scene/World.js';
import { useUi } from './state/ui.js';
import { Hud } from './ui/Hud.js';
import { SkipLink } from './ui/a11y/SkipLink.js';
import { FrontPage } from './ui/FrontPage.js';
import { JoinForm } from './ui/JoinForm.js';
import { LostPage } from './ui/LostPage.js';

/** Pages other than a space are chunks of their own: a visitor walking in downloads none of them. */
const AccountPage = lazyRetry(() => import('./ui/AccountPage.js').then((m) => ({ default: m.AccountPage })));
const AdminPage = lazyRetry(() => import('./ui/admin/AdminPage.js').then((m) => ({ default: m.AdminPage })));
const EventRecordPage = lazyRetry(() => import('./ui/events/EventRecordPage.js').then((m) => ({ default: m.EventRecordPage })));
const EventsPage = lazyRetry(() => import('./ui/events/EventsPage.js').then((m) => ({ default: m.EventsPage })));
const ConsolePage = lazyRetry(() => import('./ui/console/ConsolePage.js').then((m) => ({ default: m.ConsolePage })));
const InvitePage = lazyRetry(() => import('./ui/InvitePage.js').then((m) => ({ default: m.InvitePage })));
const LoginPage = lazyRetry(() => import('./ui/LoginPage.js').then((m) => ({ default: m.LoginPage })));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="page-loading" role="status">Loading…</p>}>{children}</Suspense>;
}

const TITLES = { login: 'Sign in', invite: 'Invitation', admin: 'Administration', account: 'Your account', events: 'Events', event: 'Event record', moderate: 'Moderator console', lost: 'Not found' } as const;

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
      return <Page><LoginPage next={route.next} /></Page>;
    case 'invite':
      return <Page><InvitePage token={route.token} /></Page>;
    case 'admin':
      return <Page><AdminPage /></Page>;
    case 'account':
      return <Page><AccountPage /></Page>;
    case 'events':
      return <Page><EventsPage /></Page>;
    case 'event':
      return <Page><EventRecordPage id={route.id} /></Page>;
    case 'moderate':
      return <Page><ConsolePage id={route.id} /></Page>;
    case 'lost':
      return <LostPage kind={route.kind} path={route.path} spaceId={route.spaceId} />;
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
  return route.landing ? <FrontPage /> : <JoinForm />;
}
