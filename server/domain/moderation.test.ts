import { describe, expect, it } from 'vitest';
import { ADDRESS_BAN_HOURS, banAck, banCheckOf, banPlan, checkSanction, LEAVE_REASONS, type Person } from './moderation.js';
import { Refusal } from './refusal.js';

const guest = (sessionId: string): Person => ({ kind: 'guest', sessionId, accountId: null, grants: [] });
const account = (id: string, grants: Person['grants'] = []): Person => ({ kind: 'account', sessionId: `s-${id}`, accountId: id, grants });
const code = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    if (err instanceof Refusal) return err.code;
    throw err;
  }
  return 'ok';
};

describe('who may be sanctioned by whom', () => {
  const mod = account('mod', [{ role: 'moderator', spaceId: 'townhall' }]);
  const admin = account('admin', [{ role: 'admin', spaceId: null }]);
  const otherMod = { ...account('mod2', [{ role: 'moderator', spaceId: 'townhall' }]), removed: false };
  it('a moderator sanctions visitors, not themselves, not staff; an admin sanctions staff', () => {
    expect(code(() => checkSanction({ ...guest('g'), removed: false }, mod, false, 'townhall'))).toBe('ok');
    expect(code(() => checkSanction({ ...account('v'), removed: false }, mod, false, 'townhall'))).toBe('ok');
    expect(code(() => checkSanction(undefined, mod, false, 'townhall'))).toBe('NOT_FOUND');
    expect(code(() => checkSanction({ ...guest('g'), removed: true }, mod, false, 'townhall'))).toBe('NOT_FOUND');
    expect(code(() => checkSanction({ ...mod, removed: false }, mod, true, 'townhall'))).toBe('INVALID_INPUT');
    expect(code(() => checkSanction(otherMod, mod, false, 'townhall'))).toBe('NOT_ALLOWED');
    expect(code(() => checkSanction({ ...admin, removed: false }, mod, false, 'townhall'))).toBe('NOT_ALLOWED');
    expect(code(() => checkSanction(otherMod, admin, false, 'townhall'))).toBe('ok');
  });
});

describe('the ban policy', () => {
  it('bans the person: an account by account, a guest by session; no address unless asked', () => {
    expect(banPlan(account('a1'), undefined, 0)).toEqual({ subjectKey: 'account:a1', address: null });
    expect(banPlan(guest('g1'), undefined, 0)).toEqual({ subjectKey: 'guest:g1', address: null });
  });

  it('bars an address only for 1 to 24 whole hours, from now', () => {
    const now = Date.parse('2030-01-01T10:00:00.000Z');
    expect(banPlan(guest('g1'), ADDRESS_BAN_HOURS.default, now).address).toEqual({ hours: 1, expiresAt: '2030-01-01T11:00:00.000Z' });
    expect(banPlan(guest('g1'), 24, now).address?.expiresAt).toBe('2030-01-02T10:00:00.000Z');
    for (const hours of [0, 25, 1.5, -1]) expect(code(() => banPlan(guest('g1'), hours, now)), String(hours)).toBe('INVALID_INPUT');
  });

  it('checks a join against the person always, and the address only for guests', () => {
    let hashed = 0;
    const hash = () => { hashed++; return 'h'; };
    expect(banCheckOf(guest('g1'), hash)).toEqual({ subjectKeys: ['guest:g1'], addressHash: 'h' });
    expect(banCheckOf(account('a1'), hash)).toEqual({ subjectKeys: ['account:a1'], addressHash: null });
    expect(hashed).toBe(1);
  });

  it('tells the banned person a fixed sentence that fits a WebSocket close reason', () => {
    for (const reason of Object.values(LEAVE_REASONS)) {
      expect(reason).toMatch(/^[A-Z_]+: /);
      expect(Buffer.byteLength(reason, 'utf8')).toBeLessThanOrEqual(123);
    }
    expect(banAck('Ann', null)).toBe('Ann is banned from this space.');
    expect(banAck('Ann', { hours: 2, expiresAt: '' })).toMatch(/kept out for 2 hours/);
  });
});
