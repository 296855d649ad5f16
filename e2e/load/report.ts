/** Prints a scenario's figures as an aligned table (the JSON line follows, for machines). */
export function printReport(result: Record<string, unknown>): void {
  const rows = Object.entries(result).filter(([key]) => key !== 'perAnswer');
  const width = Math.max(...rows.map(([key]) => key.length));
  for (const [key, value] of rows) {
    const shown = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    console.log(`${key.padEnd(width)}  ${shown}`);
  }
  const perAnswer = result.perAnswer;
  if (Array.isArray(perAnswer) && perAnswer.length > 0) {
    console.log('\nanswer    ackMs  seenBy   p50Ms   p99Ms   maxMs');
    for (const a of perAnswer as { id: string; ackMs: number | null; seenBy: number; p50Ms: number; p99Ms: number; maxMs: number }[]) {
      console.log(`${a.id}  ${String(a.ackMs ?? '-').padStart(5)}  ${String(a.seenBy).padStart(6)}  ${[a.p50Ms, a.p99Ms, a.maxMs].map((n) => String(n).padStart(6)).join('  ')}`);
    }
    console.log('');
  }
}
