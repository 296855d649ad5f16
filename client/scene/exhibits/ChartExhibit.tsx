import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Color, MeshBasicMaterial, MeshStandardMaterial, Object3D, type InstancedMesh } from 'three';
import type { ContentOf } from '../../../shared/exhibits/exhibit.js';
import { ExhibitGroup, useLit, type ExhibitProps } from './ExhibitGroup.js';
import { chartLayout, SERIES_COLOURS, type ChartLayout } from './chartLayout.js';
import { chartTexture } from './chartTexture.js';
import { body, chartBody, UNIT_BOX, UNIT_PLANE } from './looks.js';
import { CHART } from './stands.js';

/** The board's lower-left corner and face in the exhibit's frame. */
const BOARD_X = -CHART.width / 2;
const BOARD_Y = CHART.bottom + 0.03;
const FACE_Z = -0.129;
const BAR_DEPTH = 0.05;

const MARKS = new MeshStandardMaterial({ roughness: 0.45, metalness: 0.05 });
const scratch = new Object3D();
const colour = new Color();

function marksOf(c: ContentOf<'chart'>): number {
  const n = c.rows.length * c.series.length;
  return c.chart === 'bar' ? n : n * 2;
}

/** Bars (grouped by row, one colour per series) or lines with dots, as instances of one box. */
function placeMarks(mesh: InstancedMesh, l: ChartLayout, c: ContentOf<'chart'>): void {
  let i = 0;
  const put = (x: number, y: number, z: number, sx: number, sy: number, sz: number, angle: number, series: number) => {
    scratch.position.set(BOARD_X + x, BOARD_Y + y, z);
    scratch.rotation.set(0, 0, angle);
    scratch.scale.set(sx, Math.max(0.004, sy), sz);
    scratch.updateMatrix();
    mesh.setMatrixAt(i, scratch.matrix);
    mesh.setColorAt(i, colour.set(SERIES_COLOURS[series % SERIES_COLOURS.length]!));
    i++;
  };
  const zero = l.y(0);
  const group = l.slot * 0.72;
  const bar = group / c.series.length;
  c.series.forEach((_, s) => {
    let prev: { x: number; y: number } | null = null;
    c.rows.forEach((row, r) => {
      const v = row.values[s] ?? 0;
      const y = l.y(v);
      if (c.chart === 'bar') {
        const x = l.x(r) - group / 2 + bar * (s + 0.5);
        put(x, (zero + y) / 2, FACE_Z + BAR_DEPTH / 2 + 0.005, bar * 0.86, Math.abs(y - zero), BAR_DEPTH, 0, s);
        return;
      }
      const x = l.x(r);
      put(x, y, FACE_Z + 0.03, 0.032, 0.032, 0.03, Math.PI / 4, s);
      if (prev) {
        const dx = x - prev.x;
        const dy = y - prev.y;
        put((x + prev.x) / 2, (y + prev.y) / 2, FACE_Z + 0.025, Math.hypot(dx, dy), 0.014, 0.016, Math.atan2(dy, dx), s);
      }
      prev = { x, y };
    });
  });
  mesh.count = i;
  mesh.instanceMatrix.needsUpdate = true;
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  mesh.computeBoundingSphere();
}

/**
 * A chart on a small stand: the numbers, gridlines and labels are drawn on the backboard, the
 * bars (or the line) stand out from it in 3D, all of them one instanced mesh. The detail
 * overlay shows the same numbers as a table.
 */
export function ChartExhibit({ exhibit }: ExhibitProps) {
  const lit = useLit(exhibit.id);
  const content = exhibit.content.kind === 'chart' ? exhibit.content : null;
  const layout = useMemo(() => (content ? chartLayout(content, exhibit.title, CHART.width, CHART.height) : null), [content, exhibit.title]);
  const board = useMemo(() => {
    if (!layout || !content) return null;
    const map = chartTexture(layout, content);
    return { map, material: new MeshBasicMaterial({ map, toneMapped: false }) };
  }, [layout, content]);
  useEffect(() => () => {
    board?.map.dispose();
    board?.material.dispose();
  }, [board]);
  const marks = useRef<InstancedMesh>(null);
  const capacity = content ? Math.max(1, marksOf(content)) : 1;
  useLayoutEffect(() => {
    if (marks.current && layout && content) placeMarks(marks.current, layout, content);
  }, [layout, content, capacity]);
  if (!content || !board) return null;
  return (
    <ExhibitGroup exhibit={exhibit}>
      <mesh geometry={chartBody()} material={body(lit)} castShadow receiveShadow />
      <mesh geometry={UNIT_PLANE} material={board.material} position={[0, BOARD_Y + CHART.height / 2, FACE_Z]} scale={[CHART.width, CHART.height, 1]} />
      <instancedMesh key={capacity} ref={marks} args={[UNIT_BOX, MARKS, capacity]} castShadow />
    </ExhibitGroup>
  );
}
