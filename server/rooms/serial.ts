/**
 * One at a time: each task starts after the one before it has settled (resolved or thrown).
 * For a room's reads and writes of one thing (the event on show) that await the store between
 * them: without it, a read started before a commit can land after it and show the old state.
 */
export class Serial {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.last.then(task, task);
    // The chain goes on whatever this task does; the caller gets its own result or error.
    this.last = next.catch(() => undefined);
    return next;
  }
}
