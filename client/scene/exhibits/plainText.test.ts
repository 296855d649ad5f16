import { describe, expect, it } from 'vitest';
import { clip, plainExcerpt, plainText } from './plainText.js';

const PANEL = `## What changes

Fares go, **routes** stay. See [the plan](https://example.org/plan).

- Buses every _ten_ minutes
* Night buses on Fridays

> Paid for by a levy.
![A bus](https://example.org/bus.png)`;

describe('plain text from Markdown', () => {
  it('keeps paragraphs and list items, drops the syntax', () => {
    expect(plainText(PANEL)).toBe([
      'What changes',
      '',
      'Fares go, routes stay. See the plan.',
      '',
      '\u2022 Buses every ten minutes',
      '\u2022 Night buses on Fridays',
      '',
      'Paid for by a levy.',
      'A bus',
    ].join('\n'));
  });

  it('makes a one-line excerpt without headings, cut at a word', () => {
    expect(plainExcerpt(PANEL, 42)).toBe('Fares go, routes stay. See the plan.…');
    expect(clip('one two, three', 10)).toBe('one two…');
    expect(plainExcerpt('Lifts by 2029.\n\n## Why\nA third have steps only.', 80)).toBe('Lifts by 2029. A third have steps only.');
    expect(plainExcerpt('Short', 40)).toBe('Short');
    expect(clip('one two three', 9)).toBe('one two…');
  });
});
