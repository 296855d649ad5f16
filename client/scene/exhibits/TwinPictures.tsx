import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useRef, useState } from 'react';
import { Color, Object3D, type InstancedMesh } from 'three';
import type { Picture } from '../../../shared/sim/model.js';
import { requestFrame } from '../../sim/twinRuns.js';
import { twinPictures } from '../../state/twins.js';
import { CARS, GAIN, LOSS, speedColour, TWIN } from './twinLooks.js';
import { UNIT_BOX } from './looks.js';

/** A new frame of the scenario is asked for this often (ms): one model second each. */
export const FRAME_MS = 180;

const scratch = new Object3D();
const colour = new Color();

/** Capacity in powers of two, so the mesh is rebuilt rarely as the number of cars changes. */
function capacityFor(n: number): number {
  let c = 64;
  while (c < n) c *= 2;
  return c;
}

/** The shortest way round from a to b on a ring of circumference 1 (forwards is positive). */
function ringDelta(a: number, b: number): number {
  let d = b - a;
  if (d < -0.5) d += 1;
  if (d > 0.5) d -= 1;
  return d;
}

function placeCars(mesh: InstancedMesh, now: Extract<Picture, { kind: 'ring' }>, before: Picture | null, t: number): void {
  const n = now.position.length;
  const prev = before?.kind === 'ring' && before.position.length === n ? before : null;
  const radius = (TWIN.road.inner + TWIN.road.outer) / 2;
  const length = Math.min(0.06, Math.max(0.012, ((2 * Math.PI * radius) / now.cells) * 0.8));
  for (let i = 0; i < n; i++) {
    const p = prev ? prev.position[i]! + ringDelta(prev.position[i]!, now.position[i]!) * t : now.position[i]!;
    const angle = p * 2 * Math.PI;
    scratch.position.set(Math.cos(angle) * radius, TWIN.top + 0.018, -Math.sin(angle) * radius);
    scratch.rotation.set(0, angle, 0);
    scratch.scale.set(0.045, 0.026, length);
    scratch.updateMatrix();
    mesh.setMatrixAt(i, scratch.matrix);
    mesh.setColorAt(i, speedColour(now.speed[i]!, colour));
  }
  mesh.count = n;
  mesh.instanceMatrix.needsUpdate = true;
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
}

/** Cars on the ring road, moving and coloured by speed, between the frames the worker sends. */
export function TwinRing({ scenario, live }: { scenario: string; live: boolean }) {
  const mesh = useRef<InstancedMesh>(null);
  const [capacity, setCapacity] = useState(64);
  const asked = useRef(0);
  useFrame(() => {
    const now = performance.now();
    if (live && now - asked.current > FRAME_MS) {
      asked.current = now;
      requestFrame(scenario);
    }
    const shown = twinPictures.get(scenario);
    if (!shown || shown.picture.kind !== 'ring' || !mesh.current) return;
    const need = capacityFor(shown.picture.position.length);
    if (need !== capacity) {
      setCapacity(need);
      return;
    }
    placeCars(mesh.current, shown.picture, shown.previous, Math.min(1, (now - shown.at) / FRAME_MS));
  });
  useLayoutEffect(() => {
    if (mesh.current) mesh.current.count = 0;
  }, [capacity]);
  return <instancedMesh key={capacity} ref={mesh} args={[UNIT_BOX, CARS, capacity]} frustumCulled={false} castShadow />;
}

const BAR_SPAN = 1.5;
const BAR_ZERO = TWIN.top + 0.42;
const BAR_MAX = 0.34;

function placeBars(mesh: InstancedMesh, values: number[]): void {
  const top = Math.max(1, ...values.map((v) => Math.abs(v)));
  const width = BAR_SPAN / values.length;
  values.forEach((v, i) => {
    const h = Math.max(0.004, (Math.abs(v) / top) * BAR_MAX);
    scratch.position.set(-BAR_SPAN / 2 + width * (i + 0.5), v >= 0 ? BAR_ZERO + h / 2 : BAR_ZERO - h / 2, 0);
    scratch.rotation.set(0, 0, 0);
    scratch.scale.set(width * 0.7, h, 0.16);
    scratch.updateMatrix();
    mesh.setMatrixAt(i, scratch.matrix);
    mesh.setColorAt(i, colour.set(v >= 0 ? GAIN : LOSS));
  });
  mesh.count = values.length;
  mesh.instanceMatrix.needsUpdate = true;
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  mesh.computeBoundingSphere();
}

/** One bar per income decile on the table: up for a gain, down for a loss (a zero line between). */
export function TwinDeciles({ scenario }: { scenario: string }) {
  const mesh = useRef<InstancedMesh>(null);
  const drawn = useRef<Picture | null>(null);
  const asked = useRef(0);
  useFrame(() => {
    const shown = twinPictures.get(scenario);
    const now = performance.now();
    if (!shown && now - asked.current > 500) {
      asked.current = now;
      requestFrame(scenario);
    }
    if (!shown || shown.picture === drawn.current || shown.picture.kind !== 'deciles' || !mesh.current) return;
    drawn.current = shown.picture;
    placeBars(mesh.current, shown.picture.values);
  });
  return (
    <>
      <instancedMesh ref={mesh} args={[UNIT_BOX, CARS, 16]} castShadow />
      <mesh geometry={UNIT_BOX} position={[0, BAR_ZERO, 0]} scale={[BAR_SPAN + 0.1, 0.008, 0.2]}>
        <meshStandardMaterial color="#1d2730" />
      </mesh>
    </>
  );
}
