/**
 * The consensus analysis in its own thread (worker_threads), so a room's tick and the HTTP
 * server never wait for PCA and k-means. One job at a time, answered in order.
 */
import { parentPort } from 'node:worker_threads';
import { analyse } from '../../shared/consensus/analysis.js';
import type { AnalysisJob, AnalysisReply } from './analysisJob.js';

parentPort?.on('message', (job: AnalysisJob) => {
  const start = performance.now();
  let reply: AnalysisReply;
  try {
    const analysis = analyse({
      statements: job.statements,
      votes: { participant: job.participant, statement: job.statement, vote: job.vote },
      seed: job.seed,
      previous: job.previous,
      previousGroups: job.previousGroups,
    });
    reply = { id: job.id, ok: true, analysis, tookMs: performance.now() - start };
  } catch (err) {
    reply = { id: job.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
