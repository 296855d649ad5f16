/**
 * Who moved in each one-second window, from the server's side: the load tool divides the two
 * counts to see whether the bots really kept moving (a stalled generator shows up here first).
 */
export class MovingWindow {
  private readonly moved = new Set<string>();
  private ticks = 0;

  constructor(private readonly ticksPerWindow: number) {}

  /** An avatar's position or gait changed on this tick. */
  noteMoved(id: string): void {
    this.moved.add(id);
  }

  /**
   * Called once per tick after the moves; at the end of a window returns how many of the
   * `present` avatars moved in it (and starts the next window), otherwise undefined.
   */
  endTick(present: Iterable<string>): { present: number; moving: number } | undefined {
    if (++this.ticks < this.ticksPerWindow) return undefined;
    this.ticks = 0;
    let total = 0;
    let moving = 0;
    for (const id of present) {
      total++;
      if (this.moved.has(id)) moving++;
    }
    this.moved.clear();
    return { present: total, moving };
  }
}
