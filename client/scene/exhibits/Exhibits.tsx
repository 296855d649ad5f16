import { useFrame } from '@react-three/fiber';
import { Suspense, useEffect, useRef, useState } from 'react';
import type { Exhibit } from '../../../shared/exhibits/exhibit.js';
import { setNear, useExhibits } from '../../state/exhibits.js';
import { world } from '../../state/world.js';
import { ExhibitView } from './ExhibitView.js';
import { FarExhibits } from './FarExhibits.js';

/** Exhibits within this distance of the camera are drawn in detail (text, pictures, models)... */
export const DETAIL_RADIUS = 25;
/** ...and stay so until beyond this one. */
const DETAIL_KEEP = 28;
/** At most this many at once (the nearest); the rest are plain stand-ins. */
export const DETAIL_BUDGET = 24;
/** Standing within this distance of an exhibit highlights it. */
export const NEAR_RADIUS = 3;
const CHECK_EVERY = 6;

const NONE: ReadonlySet<string> = new Set();

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/** The nearest exhibits within the detail radius, up to the budget; pinned ones always. */
function pickDetailed(shown: readonly Exhibit[], x: number, z: number, current: ReadonlySet<string>, pinned: string[]): Set<string> {
  const candidates: { id: string; d: number }[] = [];
  for (const e of shown) {
    const d = Math.hypot(e.transform.x - x, e.transform.z - z);
    const keep = current.has(e.id);
    // Those already drawn get a little credit, so two at the same distance do not swap back and forth.
    if (d < DETAIL_RADIUS || (keep && d < DETAIL_KEEP)) candidates.push({ id: e.id, d: keep ? d - 1.5 : d });
  }
  candidates.sort((a, b) => a.d - b.d);
  const out = new Set(candidates.slice(0, DETAIL_BUDGET).map((c) => c.id));
  for (const id of pinned) if (id) out.add(id);
  return out;
}

/** The exhibit nearest our avatar within NEAR_RADIUS, or ''. */
function nearest(shown: readonly Exhibit[]): string {
  const self = world.self.render;
  let best = '';
  let bestD = NEAR_RADIUS;
  for (const e of shown) {
    const d = Math.hypot(e.transform.x - self.x, e.transform.z - self.z);
    if (d < bestD) {
      best = e.id;
      bestD = d;
    }
  }
  return best;
}

/**
 * The exhibits of the space: the nearest drawn in detail by their kind's component, all the
 * others as one instanced mesh of stand-ins. Also notices which exhibit our avatar stands near
 * (the highlight), leaving a highlight moved there by Tab alone until we walk to another.
 */
export function Exhibits() {
  const shown = useExhibits((s) => s.shown);
  const [detailed, setDetailed] = useState<ReadonlySet<string>>(NONE);
  const frame = useRef(0);
  const walkedNear = useRef('');
  // New exhibits (a publish, a draft edit): choose what to draw in detail on the next frame.
  useEffect(() => {
    frame.current = 0;
  }, [shown]);
  useFrame(({ camera }) => {
    if (frame.current++ % CHECK_EVERY !== 0) return;
    const s = useExhibits.getState();
    const next = pickDetailed(s.shown, camera.position.x, camera.position.z, detailed, [s.selectedId, s.openId, s.nearId]);
    if (!sameSet(next, detailed)) setDetailed(next);
    if (!world.selfReady) return;
    const near = nearest(s.shown);
    if (near !== walkedNear.current) {
      walkedNear.current = near;
      setNear(near, 'walk');
    }
  });
  return (
    <>
      {shown.map((e) => detailed.has(e.id) && (
        <Suspense key={e.id} fallback={null}>
          <ExhibitView exhibit={e} />
        </Suspense>
      ))}
      <FarExhibits exhibits={shown} detailed={detailed} />
    </>
  );
}
