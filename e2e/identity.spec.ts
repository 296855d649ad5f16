import { ApiCallError, callApi, requestGuestSession } from '../shared/protocol/apiClient.js';
import { ADMIN, adminSession, invitedAccount, signInThroughPage, storedAccountToken } from './accounts.js';
import { colourShare, distanceFrom, enter, expect, hook, test, waitReady } from './fixtures.js';

/**
 * Identity, roles and persistence, in real browsers: an admin (created with the command-line
 * tool) invites a curator by link, the curator's badge shows to everyone in the space, the admin
 * page hands out and takes away roles, and signing out ends the session on the server.
 */

/** The curator badge's colour (client/roles.ts), as drawn on name tags. */
const CURATOR_GREEN: [number, number, number] = [0x7b, 0xe0, 0xa6];

/** The code of the refusal a call ends in (or 'none' if it succeeds). */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'none';
  } catch (err) {
    return err instanceof ApiCallError ? err.code : String(err);
  }
}

test('an admin invites a curator by link; everyone in the space sees the Curator badge', async ({ newVisitor, baseURL }, testInfo) => {
  // Up to three software-rendered worlds at once: on a busy two-core machine that takes a while.
  test.setTimeout(120_000);
  await adminSession(baseURL!);

  // The admin signs in and creates an invitation for a curator of the exhibition hall.
  const admin = await newVisitor();
  await signInThroughPage(admin.page, ADMIN);
  await expect(admin.page.getByText(`Signed in as ${ADMIN.name}`)).toBeVisible();
  await admin.page.getByRole('link', { name: 'Admin' }).click();
  await expect(admin.page).toHaveURL(/\/admin$/);
  await expect(admin.page.getByRole('heading', { name: 'Administration' })).toBeVisible();
  const form = admin.page.getByRole('form', { name: 'New invitation' });
  await form.getByLabel('Role').selectOption('curator');
  await form.getByLabel('Space').selectOption('hall-1');
  await form.getByLabel('Email (optional)').fill('cora@example.org');
  await form.getByRole('button', { name: 'Create invitation' }).click();
  const linkField = admin.page.getByLabel('Invitation link');
  await expect(linkField).toHaveValue(/\/invite\/[\w-]{16,}$/);
  const link = await linkField.inputValue();
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
  const invitations = admin.page.getByRole('table', { name: 'Invitations' });
  await expect(invitations.getByRole('row').filter({ hasText: 'cora@example.org' })).toContainText('Waiting');

  // In another browser, the invitee opens the link and creates the curator account.
  const curator = await newVisitor();
  await curator.page.goto(new URL(link).pathname);
  await expect(curator.page.getByText('You are invited as Curator in Exhibition Hall.')).toBeVisible();
  await expect(curator.page.getByLabel('Email')).toHaveValue('cora@example.org');
  await curator.page.getByLabel('Display name').fill('Cora Curator');
  await curator.page.getByLabel('Password', { exact: true }).fill('short');
  await curator.page.getByRole('button', { name: 'Create account and accept' }).click();
  await expect(curator.page.getByText('Passwords need at least 10 characters.')).toBeVisible();
  await curator.page.getByLabel('Password', { exact: true }).fill('cora has a long password');
  await curator.page.getByLabel('Confirm password').fill('cora has a long password');
  await curator.page.getByRole('button', { name: 'Create account and accept' }).click();

  // Signed in, on the hall's join form: no name to type, one button.
  await expect(curator.page).toHaveURL(/\/s\/hall-1$/);
  await expect(curator.page.getByText('Signed in as Cora Curator')).toBeVisible();
  await expect(curator.page.getByLabel('Display name')).toHaveCount(0);
  expect(await hook(curator.page, (h) => h.me()?.grants)).toEqual([{ role: 'curator', spaceId: 'hall-1' }]);
  await curator.page.getByRole('button', { name: 'Enter' }).click();
  await waitReady(curator.page);
  const curatorId = (await hook(curator.page, (h) => h.selfId))!;
  // A few steps into the hall, so whoever enters after her sees her ahead of them.
  const start = (await hook(curator.page, (h) => h.self()))!;
  await curator.page.keyboard.down('w');
  await expect.poll(() => distanceFrom(curator.page, start)).toBeGreaterThan(3);
  await curator.page.keyboard.up('w');

  // The invitation is used up: the admin's list says so.
  await admin.page.reload();
  await expect(invitations.getByRole('row').filter({ hasText: 'cora@example.org' })).toContainText('Accepted');

  // A guest enters the hall and sees who the curator is: in the people list, in state, on her tag.
  const guest = await newVisitor();
  await guest.page.setViewportSize({ width: 960, height: 600 });
  await enter(guest.page, 'Gus', '/s/hall-1');
  const people = guest.page.getByRole('list', { name: 'People in this space' });
  const coraRow = people.getByRole('listitem').filter({ hasText: 'Cora Curator' });
  await expect(coraRow.getByText('Curator', { exact: true })).toBeVisible();
  await expect(people.getByRole('listitem').filter({ hasText: 'Gus' }).locator('.role-badge')).toHaveCount(0);
  await expect.poll(() => guest.page.evaluate((id) => window.__hustings!.avatars().find((a) => a.id === id)?.role, curatorId)).toBe('curator');
  expect(await hook(guest.page, (h) => h.avatars().find((a) => a.name === 'Gus')?.role)).toBe('visitor');
  expect(await hook(guest.page, (h) => h.me())).toBeNull();
  // Neither guests nor curators may remove anyone: no Remove buttons.
  await expect(people.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  const curatorPeople = curator.page.getByRole('list', { name: 'People in this space' });
  await expect(curatorPeople.getByRole('listitem').filter({ hasText: 'Gus' })).toHaveCount(1);
  await expect(curatorPeople.getByRole('button', { name: /^Remove/ })).toHaveCount(0);

  // Her name tag, as the guest sees it: the name with a green "Curator" pill beside it.
  await expect.poll(async () => {
    const c = await hook(guest.page, (h) => h.avatars().find((a) => a.role === 'curator'));
    const at = c ? await guest.page.evaluate((p) => window.__hustings!.project(p.x, 1.8, p.z), c) : undefined;
    return at ? at.x > 120 && at.x < 840 && at.y > 40 && at.y < 560 : false;
  }).toBe(true);
  const cora = (await hook(guest.page, (h) => h.avatars().find((a) => a.role === 'curator')))!;
  const tagAt = (await guest.page.evaluate((p) => window.__hustings!.project(p.x, 1.8, p.z), cora))!;
  const tag = await guest.page.screenshot({
    path: testInfo.outputPath('curator-name-tag.png'),
    clip: { x: tagAt.x - 120, y: tagAt.y - 40, width: 240, height: 80 },
  });
  expect(await colourShare(guest.page, tag, CURATOR_GREEN)).toBeGreaterThan(0.01);

  // Three software-rendered worlds on a small machine are slow: the curator's part is done.
  await guest.page.setViewportSize({ width: 640, height: 400 });
  await curator.context.close();

  // The admin enters too: she wears the Admin badge and, unlike the others, may remove people.
  await admin.page.goto('/s/hall-1');
  await admin.page.getByRole('button', { name: 'Enter' }).click();
  await waitReady(admin.page);
  await expect(people.getByRole('listitem').filter({ hasText: ADMIN.name }).getByText('Admin', { exact: true })).toBeVisible();
  const adminPeople = admin.page.getByRole('list', { name: 'People in this space' });
  await adminPeople.getByRole('button', { name: 'Remove Gus from this space' }).click();
  await adminPeople.getByRole('button', { name: 'Remove Gus', exact: true }).click();
  await expect(guest.page.getByRole('alertdialog')).toContainText('A moderator removed you from this space.');
  await expect(adminPeople.getByRole('listitem').filter({ hasText: 'Gus' })).toHaveCount(0);
});

test('a wrong password shows the server\'s sentence; the admin page turns away guests and non-admins', async ({ newVisitor, baseURL }) => {
  await adminSession(baseURL!);
  const wrong = { email: ADMIN.email, password: 'not the password at all' };
  let sentence = '';
  try {
    await callApi('login', { baseUrl: baseURL!, body: wrong });
  } catch (err) {
    expect(err).toBeInstanceOf(ApiCallError);
    sentence = (err as ApiCallError).message;
  }
  expect(sentence).not.toBe('');

  const { page } = await newVisitor();
  await signInThroughPage(page, wrong);
  await expect(page.getByRole('alert')).toHaveText(sentence);
  expect(await storedAccountToken(page)).toBeNull();
  expect(await hook(page, (h) => h.me())).toBeNull();

  // A guest who opens /admin gets a calm refusal and a way to sign in.
  await page.goto('/admin');
  await expect(page.getByText('You need the admin role to open this page.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'sign in' })).toHaveAttribute('href', '/login?next=%2Fadmin');
  await expect(page.getByRole('table')).toHaveCount(0);
  // ... and the server says the same to a guest token.
  const { token: guestToken } = await requestGuestSession(baseURL!, 'Nosy');
  expect(await refusal(callApi('listAccounts', { baseUrl: baseURL!, token: guestToken }))).toBe('NOT_ALLOWED');

  // So does a signed-in host: a role in one space is not administration.
  const host = { email: 'harriet@example.org', password: 'harriet has a password', name: 'Harriet Hale' };
  await invitedAccount(baseURL!, host, 'host', 'townhall');
  await signInThroughPage(page, host, '/login?next=/admin');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByText('You need the admin role to open this page.')).toBeVisible();
  await expect(page.getByText(`You are signed in as ${host.name}.`, { exact: false })).toBeVisible();
});

test('signing out ends the session on the server and in every tab', async ({ newVisitor, baseURL }) => {
  await adminSession(baseURL!);
  const { context, page } = await newVisitor();
  await signInThroughPage(page, ADMIN);
  await expect(page.getByText(`Signed in as ${ADMIN.name}`)).toBeVisible();
  const token = (await storedAccountToken(page))!;
  expect(token).toBeTruthy();
  expect((await callApi('me', { baseUrl: baseURL!, token })).account?.email).toBe(ADMIN.email);

  // A second tab of the same browser is signed in too.
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByText(`Signed in as ${ADMIN.name}`)).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Display name')).toBeVisible();
  await expect(other.getByLabel('Display name')).toBeVisible();
  expect(await storedAccountToken(page)).toBeNull();
  expect(await refusal(callApi('me', { baseUrl: baseURL!, token }))).toBe('NOT_ALLOWED');
});

test('the admin page grants and takes away roles, disables accounts; a password change keeps you signed in', async ({ newVisitor, baseURL }) => {
  await adminSession(baseURL!);
  const mo = { email: 'mo@example.org', password: 'mo has a long password', name: 'Mo Reyes' };
  await invitedAccount(baseURL!, mo, 'curator', 'plaza');

  const admin = await newVisitor();
  await signInThroughPage(admin.page, ADMIN, '/login?next=/admin');
  await expect(admin.page.getByRole('heading', { name: 'Administration' })).toBeVisible();
  const moRow = admin.page.getByRole('row').filter({ hasText: mo.email }).first();
  await expect(moRow.getByText('Curator · Civic Plaza')).toBeVisible();

  // Grant: moderator in the town hall.
  const grant = admin.page.getByRole('form', { name: 'New grant' });
  await grant.getByLabel('Account').selectOption({ label: `${mo.name} (${mo.email})` });
  await grant.getByLabel('Role').selectOption('moderator');
  await grant.getByLabel('Space').selectOption('townhall');
  await grant.getByRole('button', { name: 'Grant role' }).click();
  await expect(moRow.getByText('Moderator · Town Hall')).toBeVisible();
  const { token: moToken } = await callApi('login', { baseUrl: baseURL!, body: { email: mo.email, password: mo.password } });
  expect((await callApi('me', { baseUrl: baseURL!, token: moToken })).grants).toContainEqual({ role: 'moderator', spaceId: 'townhall' });

  // Take the curator role away with its ✕.
  await moRow.getByRole('button', { name: `Take away Curator in Civic Plaza from ${mo.name}` }).click();
  await expect(moRow.getByText('Curator · Civic Plaza')).toHaveCount(0);
  expect((await callApi('me', { baseUrl: baseURL!, token: moToken })).grants).toEqual([{ role: 'moderator', spaceId: 'townhall' }]);

  // The audit log recorded it, newest first.
  await expect(admin.page.getByRole('table', { name: 'Audit log' }).getByRole('row').nth(1)).toContainText(ADMIN.name);

  // Mo changes their password on /account: still signed in, the old password no longer works.
  const moBrowser = await newVisitor();
  await signInThroughPage(moBrowser.page, mo, '/login?next=/account');
  await expect(moBrowser.page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(moBrowser.page.getByText('Moderator · Town Hall')).toBeVisible();
  const newPassword = 'mo has a newer password';
  await moBrowser.page.getByLabel('Current password').fill(mo.password);
  await moBrowser.page.getByLabel('New password', { exact: true }).fill(newPassword);
  await moBrowser.page.getByLabel('Confirm new password').fill(newPassword);
  await moBrowser.page.getByRole('button', { name: 'Change password' }).click();
  await expect(moBrowser.page.getByText('Your password has been changed.')).toBeVisible();
  const fresh = (await storedAccountToken(moBrowser.page))!;
  expect((await callApi('me', { baseUrl: baseURL!, token: fresh })).account?.email).toBe(mo.email);
  expect(await refusal(callApi('login', { baseUrl: baseURL!, body: { email: mo.email, password: mo.password } }))).not.toBe('none');
  await callApi('login', { baseUrl: baseURL!, body: { email: mo.email, password: newPassword } });

  // Signed in, accepting another invitation adds its role to the same account: one button.
  const adminToken = (await adminSession(baseURL!)).token;
  const invitation = await callApi('createInvitation', { baseUrl: baseURL!, token: adminToken, body: { role: 'host', spaceId: 'townhall' } });
  await moBrowser.page.goto(invitation.path);
  await expect(moBrowser.page.getByText('You are invited as Host in Town Hall.')).toBeVisible();
  await expect(moBrowser.page.getByText(`You are signed in as ${mo.name}.`, { exact: false })).toBeVisible();
  await moBrowser.page.getByRole('button', { name: 'Accept' }).click();
  await expect(moBrowser.page).toHaveURL(/\/s\/townhall$/);
  await expect(moBrowser.page.getByText('Host · Town Hall')).toBeVisible();
  expect(await hook(moBrowser.page, (h) => h.me()?.grants)).toContainEqual({ role: 'host', spaceId: 'townhall' });

  // Disabled, Mo can no longer sign in; enabled again, they can.
  await moRow.getByRole('button', { name: `Disable ${mo.name}` }).click();
  await expect(moRow).toContainText('Disabled');
  expect(await refusal(callApi('login', { baseUrl: baseURL!, body: { email: mo.email, password: newPassword } }))).not.toBe('none');
  await moRow.getByRole('button', { name: `Enable ${mo.name}` }).click();
  await expect(moRow).toContainText('Active');
  await callApi('login', { baseUrl: baseURL!, body: { email: mo.email, password: newPassword } });
});
