import { useId } from 'react';
import type { SpaceLayout } from '../../../shared/spaces/layout.js';
import { goThroughDoor } from '../../net/connection.js';
import { useExhibits } from '../../state/exhibits.js';

const KIND: Record<SpaceLayout['kind'], string> = {
  plaza: 'an open square',
  townhall: 'a town hall',
  hall: 'an exhibition hall',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The space itself, from its layout document: what kind of place it is and how big, what is in
 * it (exhibits, a stage and seats, signs) and the doors to other spaces, each a button.
 */
export function SpaceText({ layout }: { layout: SpaceLayout }) {
  const exhibits = useExhibits((s) => s.shown.length);
  const headingId = useId();
  const width = Math.round(layout.bounds.maxX - layout.bounds.minX);
  const depth = Math.round(layout.bounds.maxZ - layout.bounds.minZ);
  const contents = [
    exhibits > 0 ? plural(exhibits, 'exhibit') : '',
    layout.stage ? 'a stage with a screen and a floor microphone' : '',
    layout.seats.length > 0 ? plural(layout.seats.length, 'seat') : '',
    layout.circles.some((c) => c.kind === 'fountain') ? 'a fountain' : '',
    layout.circles.some((c) => c.kind === 'tree') ? 'trees' : '',
  ].filter(Boolean);
  return (
    <section id="a11y-space" className="a11y-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Where you are</h2>
      <p>
        {layout.name} is {KIND[layout.kind]}, {layout.setting === 'indoor' ? 'indoors' : 'outdoors'}, about {width} by {depth} metres.
        {contents.length > 0 && <> It has {contents.join(', ')}.</>}
      </p>
      {layout.signs.length > 0 && (
        <p>Signs here read: {layout.signs.map((s) => s.text).join('; ')}.</p>
      )}
      {layout.portals.length > 0 && (
        <>
          <h3>Doors</h3>
          <ul className="a11y-doors" aria-label="Doors to other spaces">
            {layout.portals.map((p) => (
              <li key={p.id}>
                <button type="button" className="secondary" onClick={() => {
                  goThroughDoor(p.to, p.toSpawn);
                  window.scrollTo?.(0, 0);
                }}>Go to {p.label}</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
