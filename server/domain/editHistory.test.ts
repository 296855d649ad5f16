import { describe, expect, it } from 'vitest';
import type { Exhibit } from '../../shared/exhibits/exhibit.js';
import { EditHistories, HISTORY_LIMIT, StaleStep, type Change } from './editHistory.js';

const exhibit = (id: string, title: string): Exhibit => ({
  id, title, alt: '', provenance: { author: 'Cu', sources: [] },
  transform: { x: 0, y: 0, z: 0, rx: 0, ry: 0, rz: 0, scale: 1 }, content: { kind: 'text', body: '' },
} as unknown as Exhibit);

describe("each curator's undo and redo", () => {
  it('undoes and redoes in order; a new change clears redo', () => {
    const h = new EditHistories();
    const v1 = exhibit('e', 'One');
    const v2 = exhibit('e', 'Two');
    const add: Change = { id: 'e', label: 'Add', before: null, after: v1 };
    const edit: Change = { id: 'e', label: 'Edit', before: v1, after: v2 };
    h.record('cu', add);
    h.record('cu', edit);
    expect(h.summary('cu')).toEqual({ undo: 2, redo: 0, undoLabel: 'Edit', redoLabel: '' });
    const step = h.next('cu', 'undo', () => v2);
    expect([step.step.label, step.from, step.to]).toEqual(['Edit', v2, v1]);
    h.done('cu', 'undo');
    expect(h.summary('cu')).toEqual({ undo: 1, redo: 1, undoLabel: 'Add', redoLabel: 'Edit' });
    expect(h.next('cu', 'redo', () => v1).to).toBe(v2);
    h.record('cu', { id: 'f', label: 'Other', before: null, after: exhibit('f', 'F') });
    expect(h.summary('cu').redo).toBe(0);
    // Another curator's history is their own.
    expect(h.summary('someone').undo).toBe(0);
  });

  it("drops a step when someone else changed the exhibit since, and says so", () => {
    const h = new EditHistories();
    const v1 = exhibit('e', 'One');
    h.record('cu', { id: 'e', label: 'Add', before: null, after: v1 });
    expect(() => h.next('cu', 'undo', () => exhibit('e', 'Changed by Bo'))).toThrow(StaleStep);
    expect(h.summary('cu').undo).toBe(0);
    expect(() => h.next('cu', 'undo', () => null)).toThrow(/Nothing to undo/);
  });

  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    const h = new EditHistories();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h.record('cu', { id: `e${i}`, label: `#${i}`, before: null, after: exhibit(`e${i}`, 'x') });
    expect(h.summary('cu').undo).toBe(HISTORY_LIMIT);
  });
});
