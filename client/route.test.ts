import { describe, expect, it } from 'vitest';
import { loginPath, routeFromLocation, safeNext } from './route.js';

const ORIGIN = 'https://hustings.example.org';

// Issue 17, finding 3: `/login?next=/%09/evil.example/` pointed "Enter as a guest instead" at
// http://evil.example/, because browsers drop the tab from "/\t/evil.example/".
describe('safeNext', () => {
  it.each([
    ['/\t/evil.example/', 'a tab between the slashes'],
    ['/\n/evil.example/', 'a newline between the slashes'],
    ['/\r/evil.example/', 'a carriage return between the slashes'],
    ['/\u0000/evil.example/', 'a NUL'],
    ['\t//evil.example/', 'a leading tab'],
    [' //evil.example/', 'a leading space'],
    ['//evil.example/', 'a protocol-relative address'],
    ['///evil.example/', 'three slashes'],
    ['/\\evil.example/', 'a backslash (read as a slash)'],
    ['/\\/evil.example/', 'a backslash then a slash'],
    ['\\\\evil.example/', 'two backslashes'],
    ['/%2F%2Fevil.example/', 'encoded slashes'],
    ['/%2f/evil.example/', 'an encoded slash, lower case'],
    ['/%5Cevil.example/', 'an encoded backslash'],
    ['/%09/evil.example/', 'an encoded tab'],
    ['/%0a/evil.example/', 'an encoded newline'],
    ['/%E0%A4%A', 'broken percent-encoding'],
    ['https://evil.example/', 'an absolute address'],
    ['http:/evil.example/', 'a scheme with one slash'],
    ['javascript:alert(1)', 'a javascript: address'],
    ['JaVaScRiPt:alert(1)', 'a javascript: address in mixed case'],
    ['\u0001javascript:alert(1)', 'a javascript: address behind a control character'],
    ['data:text/html,<script>alert(1)</script>', 'a data: address'],
    ['evil.example', 'a relative address'],
    ['', 'nothing'],
    [null, 'no parameter'],
  ])('refuses %j (%s)', (next: string | null, _why: string) => {
    expect(safeNext(next, ORIGIN)).toBe('/');
  });

  it.each([
    ['/', '/'],
    ['/admin', '/admin'],
    ['/s/townhall', '/s/townhall'],
    ['/s/hall-1/e/some-exhibit?x=1#top', '/s/hall-1/e/some-exhibit?x=1#top'],
    ['/invite/abc%2Bdef', '/invite/abc%2Bdef'],
    ['/events/../admin', '/admin'],
  ])('keeps the path %j on this site as %j', (next, kept) => {
    expect(safeNext(next, ORIGIN)).toBe(kept);
  });

  it('is applied to the login page address, as the browser decodes it', () => {
    expect(routeFromLocation('/login', '?next=/%09/evil.example/')).toEqual({ page: 'login', next: '/' });
    expect(routeFromLocation('/login', '?next=%2F%5Cevil.example')).toEqual({ page: 'login', next: '/' });
    expect(routeFromLocation('/login', '?next=%2Fadmin')).toEqual({ page: 'login', next: '/admin' });
    expect(loginPath('/\t/evil.example/')).toBe('/login');
    expect(loginPath('/account')).toBe('/login?next=%2Faccount');
  });
});

// Issue 21: every bad link ends on a page that says what happened.
describe('routeFromLocation, for links that lead nowhere', () => {
  it.each([
    ['/events/%E0%A4%A', { page: 'lost', kind: 'event', path: '/events/%E0%A4%A' }],
    ['/invite/%E0%A4%A', { page: 'lost', kind: 'invite', path: '/invite/%E0%A4%A' }],
    ['/s/hall-1/exhibit/abc', { page: 'lost', kind: 'space', path: '/s/hall-1/exhibit/abc', spaceId: 'hall-1' }],
    ['/s/Not%20A%20Space', { page: 'lost', kind: 'space', path: '/s/Not%20A%20Space' }],
    ['/no/such/page', { page: 'lost', kind: 'page', path: '/no/such/page' }],
  ])('%s is a lost page', (path, route) => {
    expect(routeFromLocation(path, '')).toEqual(route);
  });

  it('keeps a cut-short exhibit link in its space, marked broken', () => {
    expect(routeFromLocation('/s/hall-1/e/abc', '')).toEqual({ page: 'space', spaceId: 'hall-1', brokenExhibit: true });
    expect(routeFromLocation('/s/hall-1/e/example-read-me', '')).toEqual({ page: 'space', spaceId: 'hall-1', exhibitId: 'example-read-me' });
  });

  it('knows the front page from the plaza', () => {
    expect(routeFromLocation('/', '')).toEqual({ page: 'space', spaceId: 'plaza', landing: true });
    expect(routeFromLocation('/s/plaza', '')).toEqual({ page: 'space', spaceId: 'plaza' });
  });
});
