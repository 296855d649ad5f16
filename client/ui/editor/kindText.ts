import type { ExhibitKind } from '../../../shared/exhibits/exhibit.js';

/** What each kind calls its text alternative in the inspector, and what to write there. */
export const ALT_LABEL: Record<ExhibitKind, { label: string; hint: string }> = {
  panel: { label: 'Short description', hint: 'Optional: the panel’s text is read out as it is.' },
  image: { label: 'Alt text', hint: 'What the image shows, for people who cannot see it. Needed to publish.' },
  video: { label: 'Description', hint: 'What the video shows and says, in a few sentences. Needed to publish.' },
  model: { label: 'Description', hint: 'What the 3D model shows. Needed to publish.' },
  chart: { label: 'Summary', hint: 'What the chart shows, in words (the numbers are listed too). Needed to publish.' },
  portal: { label: 'Description', hint: 'Optional: where the doorway leads and why.' },
  twin: { label: 'Description', hint: 'Optional: why this simulation is here and what to try (the model\u2019s question, levers and sources are shown too).' },
};

/** A one-line hint for each kind in the palette. */
export const KIND_HINT: Record<ExhibitKind, string> = {
  panel: 'Text with a title, summary and sources',
  image: 'A picture (PNG, JPEG or WebP) with alt text',
  video: 'A video (MP4 or WebM), with optional captions',
  model: 'A 3D model (.glb) with a description',
  chart: 'Bars or lines from a small table',
  portal: 'A doorway to another space',
  twin: 'A live simulation visitors can steer',
};
