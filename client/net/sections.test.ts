import { describe, expect, it } from 'vitest';
import { consoleSectionNote, returnOptions, sectionFromSearch, sectionLine, sectionLink } from './sections.js';

describe('section links', () => {
  it('reads a section number from the link, and nothing else', () => {
    expect(sectionFromSearch('?section=2')).toBe(2);
    expect(sectionFromSearch('?x=1&section=12')).toBe(12);
    for (const bad of ['', '?section=', '?section=0', '?section=02', '?section=2.5', '?section=-1', '?section=1e1', '?section=99', '?section=%202']) {
      expect(sectionFromSearch(bad)).toBeUndefined();
    }
  });

  it('makes the link to this section and the line people read', () => {
    expect(sectionLink('https://hustings.example', '/s/townhall', 3)).toBe('https://hustings.example/s/townhall?section=3');
    expect(sectionLine(2, 4, 1203)).toBe('Section 2 of 4 · 1,203 attending');
    expect(sectionLine(1, 1, 300)).toBe('');
    expect(sectionLine(0, 3, 300)).toBe('');
  });

  it('tells the moderator console where it is, and how people in other sections are reached', () => {
    expect(consoleSectionNote(1, 1)).toBe('');
    expect(consoleSectionNote(1, 3)).toBe('This console is in section 1, with the stage. Calling, muting, removing or banning someone whose hand is up in another section is done in their section, and its answer is shown here.');
    expect(consoleSectionNote(2, 3)).toMatch(/^This console is in section 2 \(section 1 was full\)\./);
  });
});

describe('returnOptions', () => {
  it('asks for the seat and section we had, and only for what we had', () => {
    expect(returnOptions({ seat: 40, section: 2 }, '')).toEqual({ seat: 40, section: 2 });
    expect(returnOptions({ seat: -1, section: 3 }, '?section=1')).toEqual({ section: 3 });
    expect(returnOptions({ seat: 12, section: 0 }, '')).toEqual({ seat: 12 });
    expect(returnOptions({ seat: -1, section: 0 }, '?section=2')).toEqual({ section: 2 });
    expect(returnOptions(undefined, '?section=2')).toEqual({ section: 2 });
    expect(returnOptions(undefined, '')).toEqual({});
  });
});
