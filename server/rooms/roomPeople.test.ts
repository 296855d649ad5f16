import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../shared/protocol/apiClient.js';
import { CloseCode } from '../../shared/protocol/errors.js';
import { bootServer, closeCode, createAccount, guestToken, joinSpace, waitFor } from '../testing/harness.js';

type Server = Awaited<ReturnType<typeof bootServer>>;

/** Signing out ends that session's room connections, a guest's as an account's. */
describe('signing out', () => {
  let server: Server;
  beforeAll(async () => {
    server = await bootServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("closes a guest's open connection with a stated reason; others stay", async () => {
    const token = await guestToken(server.url, 'Gus');
    const gus = await joinSpace(server.url, { spaceId: 'plaza', token });
    const other = await joinSpace(server.url, { spaceId: 'plaza', name: 'Olive' });
    await waitFor(() => other.state.avatars.has(gus.sessionId), 5000, 'Olive to see Gus');
    let reason = '';
    gus.onLeave((_code, why) => { reason = why ?? ''; });
    const closed = closeCode(gus);
    await callApi('logout', { baseUrl: server.http, token, body: {} });
    expect(await closed).toBe(CloseCode.REMOVED);
    expect(reason).toMatch(/^NOT_ALLOWED: You signed out/);
    await waitFor(() => !other.state.avatars.has(gus.sessionId), 5000, 'Gus to be gone for Olive');
    expect(other.connection.isOpen).toBe(true);
    await other.leave();
  });

  it("closes an account's connection made with that session, not its other devices", async () => {
    const account = await createAccount(server, { name: 'Ann' });
    const phone = (await callApi('login', { baseUrl: server.http, body: { email: account.email, password: account.password } })).token;
    const laptop = await joinSpace(server.url, { spaceId: 'plaza', token: account.token });
    const onPhone = await joinSpace(server.url, { spaceId: 'plaza', token: phone });
    const closed = closeCode(laptop);
    await callApi('logout', { baseUrl: server.http, token: account.token, body: {} });
    expect(await closed).toBe(CloseCode.REMOVED);
    await waitFor(() => !onPhone.state.avatars.has(laptop.sessionId), 5000, 'the laptop avatar to be gone');
    expect(onPhone.connection.isOpen).toBe(true);
    await onPhone.leave();
  });
});
