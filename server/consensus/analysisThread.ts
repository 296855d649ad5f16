import { Worker } from 'node:worker_threads';
import type { ConsensusAnalysis } from '../../shared/consensus/analysis.js';
import type { AnalysisJob } from './analysisJob.js';
import type { AnalysisReply } from './analysisJob.js';

/**
 * The worker thread that runs analyses, started on first use and again after a crash. The
 * worker's module is TypeScript: a two-line bootstrap registers tsx's loader in the new thread
 * before importing it (an inherited `--import tsx` does not apply to a worker's entry module),
 * so it starts the same under `tsx server/index.ts`, `node --import tsx` and the test runner.
 */
export class AnalysisThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: { analysis: ConsensusAnalysis; tookMs: number }) => void; reject: (e: Error) => void }>();

  run(job: Omit<AnalysisJob, 'id'>): Promise<{ analysis: ConsensusAnalysis; tookMs: number }> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const message: AnalysisJob = { ...job, id };
      worker.postMessage(message, [job.participant.buffer, job.statement.buffer, job.vote.buffer] as ArrayBuffer[]);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('The analysis thread was stopped.'));
    await worker?.terminate();
  }

  private start(): Worker {
    const entry = new URL('./analysisWorker.ts', import.meta.url).href;
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    const worker = new Worker(bootstrap, { eval: true, name: 'consensus-analysis' });
    worker.on('message', (reply: AnalysisReply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if (reply.ok) waiter.resolve({ analysis: reply.analysis, tookMs: reply.tookMs });
      else waiter.reject(new Error(reply.error));
    });
    const lost = (why: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(why);
    };
    worker.on('error', (err) => lost(err));
    worker.on('exit', (code) => lost(new Error(`The analysis thread stopped (exit code ${code}).`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(why: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(why);
    this.waiting.clear();
  }
}
