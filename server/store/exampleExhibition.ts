import type { Exhibit } from '../../shared/exhibits/exhibit.js';

/**
 * A small example exhibition for a fresh install's exhibition hall, so it is not an empty dark
 * room: a panel saying what it is, a chart and a digital twin. Every title says "Example"; the
 * figures are those the congestion twin's validation records (shared/sim/validation/
 * chargingSchemes.ts, several read second-hand, as the chart's text says), each with a source.
 * Curators edit, replace or remove it like anything else; it is seeded once, never again.
 */

export const EXAMPLE_SPACE = 'hall-1';
export const EXAMPLE_NOTE = 'Example exhibition, added on the first start (edit, replace or remove it)';
export const EXAMPLE_AUTHOR = 'Hustings example content (not a real proposal)';

const LONDON = { title: 'London congestion charge (Wikipedia)', url: 'https://en.wikipedia.org/wiki/London_congestion_charge' };
const STOCKHOLM = { title: 'Stockholm congestion tax (Wikipedia)', url: 'https://en.wikipedia.org/wiki/Stockholm_congestion_tax' };
const GOTHENBURG = { title: 'Gothenburg congestion tax (Wikipedia)', url: 'https://en.wikipedia.org/wiki/Gothenburg_congestion_tax' };
const MILAN = { title: 'Area C, Milan (Wikipedia)', url: 'https://en.wikipedia.org/wiki/Area_C_(Milan)' };
const TFL = { title: 'Congestion Charge, Transport for London', url: 'https://tfl.gov.uk/modes/driving/congestion-charge' };

export const EXAMPLE_EXHIBITS: readonly Exhibit[] = [
  {
    id: 'example-read-me',
    title: 'Example exhibition: read me first',
    alt: '',
    provenance: { author: EXAMPLE_AUTHOR, sources: [TFL] },
    // Free-standing by the way in, turned towards the door.
    transform: { x: -3, y: 0, z: -2.5, rx: 0, ry: -Math.PI / 3, rz: 0, scale: 1 },
    content: {
      kind: 'panel',
      summary: 'This hall came with a small example exhibition so a new install is not an empty room. Nothing here is a real proposal: curators edit, replace or remove it.',
      body: [
        '## What an exhibit shows',
        'Every exhibit names who made it and the sources it rests on (open **Sources** on any exhibit).',
        '',
        '- **The chart** by the display wall: how much traffic fell after four cities began charging drivers, as published.',
        '- **The digital twin** beyond it: a seeded simulation of a congestion charge you can steer. The same seed and levers give the same numbers for everyone.',
        '',
        '## For curators',
        'Sign in as a curator, press **Edit** and change anything here; **Publish** puts your version on show, and every version can be restored.',
      ].join('\n'),
      sponsor: 'Example content shipped with Hustings',
    },
  },
  {
    id: 'example-charging-chart',
    title: 'Example: traffic after road charging began',
    alt: 'Bar chart of the change in traffic entering the charged zone after charging began: London 2003 minus 18 per cent, Stockholm 2006 minus 22 per cent, Gothenburg 2013 minus 12 per cent, Milan 2012 minus 30 per cent. Several figures were read in secondary summaries, not the original reports.',
    provenance: { author: EXAMPLE_AUTHOR, sources: [LONDON, STOCKHOLM, GOTHENBURG, MILAN] },
    // On the west face of the northern display wall (x 2, 0.3 m thick), facing the way in.
    transform: { x: 1.73, y: 0, z: -8, rx: 0, ry: -Math.PI / 2, rz: 0, scale: 1 },
    content: {
      kind: 'chart',
      chart: 'bar',
      unit: '%',
      series: ['Change in traffic'],
      rows: [
        { label: 'London 2003', values: [-18] },
        { label: 'Stockholm 2006', values: [-22] },
        { label: 'Gothenburg 2013', values: [-12] },
        { label: 'Milan 2012', values: [-30] },
      ],
    },
  },
  {
    id: 'example-charging-twin',
    title: 'Example twin: a congestion charge, simulated',
    alt: 'A seeded simulation of drivers deciding whether to pay a daily charge to enter a city centre.',
    provenance: { author: EXAMPLE_AUTHOR, sources: [TFL, LONDON] },
    // In the eastern bay, facing the central path.
    transform: { x: 7, y: 0, z: -8, rx: 0, ry: 0, rz: 0, scale: 1 },
    content: { kind: 'twin', model: 'congestion-charge', params: {}, seed: 1 },
  },
];
