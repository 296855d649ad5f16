// Adds up the runners' reports into one closing line: "total: N passed, M failed".
import fs from 'node:fs';

const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const vitest = read('reports/vitest.json');
const pw = read('reports/playwright.json');
const passed = vitest.numPassedTests + (pw.stats.expected ?? 0);
const failed = vitest.numFailedTests + (pw.stats.unexpected ?? 0) + (pw.stats.flaky ?? 0);
const skipped = (vitest.numPendingTests ?? 0) + (pw.stats.skipped ?? 0);
console.log(`unit+server: ${vitest.numPassedTests} passed; browser: ${pw.stats.expected} passed`);
console.log(`total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
