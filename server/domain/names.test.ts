import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { isBlockedName, uniqueName } from './names.js';

/** The blocklist the server uses when NAME_BLOCKLIST is unset. */
const DEFAULT_BLOCKLIST = loadConfig({}).NAME_BLOCKLIST;

describe('isBlockedName with the default blocklist', () => {
  it.each([
    ['Official Host', 'a blocked word among others'],
    ['host', 'the word alone'],
    ['HOST', 'any case'],
    ['ＡＤＭＩＮ', 'full-width letters'],
    ['ᴬᴰᴹᴵᴺ', 'modifier (superscript) letters'],
    ['Modérator', 'accents'],
    ['Moderator\u0301', 'combining marks'],
    ['the-admin', 'words split by punctuation'],
    ['staff_member', 'words split by underscores'],
    ['M.O.D', 'a blocked word spelt out with separators'],
    ['A d m i n', 'a blocked word spelt out with spaces'],
    ['Hustings Team', 'the product name'],
    ['system', 'system'],
    ['\u0430dmin', 'a Cyrillic а among Latin letters'],
    ['\u041c\u043ed', 'Mod with a Cyrillic М and о'],
    ['H\u03bf\u0455t', 'host with a Greek ο and a Cyrillic ѕ'],
    // Issue 17, finding 8: digits and symbols for letters, and plurals.
    ['Adm1n', 'a 1 for the i'],
    ['M0derator', 'a 0 for the o'],
    ['Moderators', 'a plural'],
    ['M0DS', 'a plural with a digit'],
    ['H0sts', 'a plural with a digit'],
    ['@dmin', 'an @ for the a'],
    ['$taff', 'a $ for the s'],
    ['5y5t3m', 'digits for s and e'],
    ['4dmin', 'a 4 for the a'],
    ['Hus7ings', 'a 7 for the t'],
    ['Officia1 H0st', 'a 1 for the l'],
    ['A d m 1 n s', 'spelt out, with a digit and a plural'],
    ['the m0d team', 'a digit in one word among others'],
  ])('refuses %j (%s)', (name) => {
    expect(isBlockedName(name, DEFAULT_BLOCKLIST)).toBe(true);
  });

  it.each(['Ghost', 'Hostess', 'Admiral', 'Modern Art', 'Stafford', 'Sam', 'Ada Lovelace', 'Systematic Sue', 'Almost', 'Ad Min Lee', 'Наталья', 'Σοφία',
    'Ann', 'Dmitri', 'Sam 2', 'R2D2', 'Agent 007', 'Hostess', 'Modes', 'Moss', 'Amos', 'Jo$h', 'B0b', 'Anna', 'Ghosts', 'Modern Arts'])('accepts %j', (name) => {
    expect(isBlockedName(name, DEFAULT_BLOCKLIST)).toBe(false);
  });
});

describe('isBlockedName with other lists', () => {
  it('blocks nothing with an empty list', () => {
    expect(isBlockedName('Admin', [])).toBe(false);
  });

  it('uses only the words given', () => {
    const list = loadConfig({ NAME_BLOCKLIST: ' Banana , cherry,,' }).NAME_BLOCKLIST;
    expect(list).toEqual(['banana', 'cherry']);
    expect(isBlockedName('Banana Split', list)).toBe(true);
    expect(isBlockedName('ＣＨＥＲＲＹ', list)).toBe(true);
    expect(isBlockedName('Admin', list)).toBe(false);
    expect(isBlockedName('Bananas', list)).toBe(true);
    expect(isBlockedName('Bananarama', list)).toBe(false);
  });
});

describe('uniqueName', () => {
  it('keeps a free name and numbers a taken one, ignoring case', () => {
    expect(uniqueName('Sam', ['Ada'], 32)).toBe('Sam');
    expect(uniqueName('Sam', ['sam'], 32)).toBe('Sam (2)');
    expect(uniqueName('Sam', ['Sam', 'Sam (2)'], 32)).toBe('Sam (3)');
  });

  it('shortens a long name so the number fits', () => {
    const long = 'x'.repeat(32);
    const named = uniqueName(long, [long], 32);
    expect(named).toBe(`${'x'.repeat(28)} (2)`);
    expect(named.length).toBe(32);
  });
});
