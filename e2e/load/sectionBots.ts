import { fork, type ChildProcess } from 'node:child_process';
import type { FromSectionWorker, ToSectionWorker } from './sectionProtocol.js';

type Kind = FromSectionWorker['kind'];

/**
 * One forked bot process of the sections scenario and a way to ask it for the next phase. A
 * process that fails or exits rejects whatever is being waited for, with the reason, so the run
 * stops (and cleans up) instead of hanging.
 */
export class SectionBots {
  readonly child: ChildProcess;
  private waiting: { kind: Kind; resolve: (m: FromSectionWorker) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  /** Set once the run asked it to leave: its exit is expected. */
  done = false;

  constructor(private readonly say: (m: string) => void) {
    this.child = fork(new URL('./sectionWorker.ts', import.meta.url).pathname, [], {
      execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (m: FromSectionWorker) => {
      if (m.kind === 'say') this.say(m.message);
      else if (m.kind === 'failed') this.fail(new Error(`a bot process failed: ${m.message}`));
      else if (this.waiting?.kind === m.kind) {
        const w = this.waiting;
        this.waiting = undefined;
        w.resolve(m);
      }
    });
    this.child.on('exit', (code, signal) => {
      if (!this.done) this.fail(new Error(`a bot process (pid ${this.child.pid}) exited during the run: code ${code}, signal ${signal}`));
    });
  }

  ask<K extends Kind>(message: ToSectionWorker, answer: K): Promise<Extract<FromSectionWorker, { kind: K }>> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting = { kind: answer, resolve: (m) => resolve(m as Extract<FromSectionWorker, { kind: K }>), reject };
      this.child.send(message);
    });
  }

  /** Ends the process if it is still there (SIGTERM, then SIGKILL after 5 s). */
  async stop(): Promise<void> {
    this.done = true;
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    const w = this.waiting;
    this.waiting = undefined;
    // Said at once when nothing waits (mid-window): the run fails at its next phase.
    if (w) w.reject(err);
    else this.say(err.message);
  }
}
