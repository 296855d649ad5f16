import { u32Threshold, type Random } from './random.js';

/**
 * A single-lane ring road as a Nagel-Schreckenberg cellular automaton: cells of one car length,
 * integer speeds 0..vmax in cells per time step, and each time step every car
 *  1. speeds up by one (to at most vmax),
 *  2. slows to the free cells ahead of it (no crashes),
 *  3. with probability p, slows by one more (dawdling: the source of jams from nothing),
 *  4. moves (all cars at once).
 * Cars never overtake, so they are kept in ring order in typed arrays and a step is one pass
 * over them with no allocation. Positions are cell numbers, speeds cells per step.
 */
export class RingRoad {
  readonly position: Int32Array;
  readonly speed: Int32Array;
  /** Cars on the road now (the first `count` entries of position and speed). */
  count = 0;
  /** Cells moved by all cars since `place` (flow = moved / (cells * steps)). */
  moved = 0;
  /** Time steps since `place`. */
  steps = 0;
  private readonly dawdle: number;

  constructor(
    readonly cells: number,
    readonly vmax: number,
    readonly slowdown: number,
    capacity: number = cells,
  ) {
    this.position = new Int32Array(capacity);
    this.speed = new Int32Array(capacity);
    this.dawdle = u32Threshold(slowdown);
  }

  /** Puts `count` cars on distinct cells chosen at random (standing), in ring order. */
  place(count: number, random: Random): void {
    // Capacity: one car per cell. More cars than cells (or room for) is refused, never silently dropped.
    const room = Math.min(this.cells, this.position.length);
    if (!Number.isInteger(count) || count < 0 || count > room) {
      throw new RangeError(`A ring of ${this.cells} cells holds 0 to ${room} cars, one per cell (asked to place ${count}).`);
    }
    const n = count;
    // Selection sampling: walk the cells once, taking each with the chance that keeps n in all.
    let taken = 0;
    for (let cell = 0; cell < this.cells && taken < n; cell++) {
      if ((this.cells - cell) * random.next() < n - taken) {
        this.position[taken] = cell;
        this.speed[taken] = 0;
        taken++;
      }
    }
    this.count = taken;
    this.moved = 0;
    this.steps = 0;
  }

  /** One time step for every car (the parallel update: all speeds first, then all moves). */
  step(random: Random): void {
    const n = this.count;
    const pos = this.position;
    const vel = this.speed;
    const cells = this.cells;
    const vmax = this.vmax;
    const dawdle = this.dawdle;
    for (let i = 0; i < n; i++) {
      const ahead = i + 1 === n ? pos[0]! : pos[i + 1]!;
      let gap = ahead - pos[i]! - 1;
      if (gap < 0) gap += cells;
      let v = vel[i]! + 1;
      if (v > vmax) v = vmax;
      if (v > gap) v = gap;
      if (v > 0 && random.u32() < dawdle) v--;
      vel[i] = v;
    }
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const v = vel[i]!;
      let x = pos[i]! + v;
      if (x >= cells) x -= cells;
      pos[i] = x;
      moved += v;
    }
    this.moved += moved;
    this.steps++;
  }

  /** Starts counting flow afresh (after a warm-up). */
  resetCounters(): void {
    this.moved = 0;
    this.steps = 0;
  }

  /** Mean flow since the counters were reset: cars passing a point per time step. */
  flow(): number {
    return this.steps === 0 ? 0 : this.moved / (this.cells * this.steps);
  }

  /** Mean speed of the cars since the counters were reset, in cells per time step. */
  meanSpeed(): number {
    return this.steps === 0 || this.count === 0 ? 0 : this.moved / (this.count * this.steps);
  }
}
