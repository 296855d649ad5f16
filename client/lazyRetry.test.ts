import { describe, expect, it } from 'vitest';
import { importWithRetry } from './lazyRetry.js';

describe('loading a chunk again after a failure', () => {
  it('tries again after each failure, and gives up after the last wait', async () => {
    let calls = 0;
    const flaky = () => (++calls < 3 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve('chunk'));
    await expect(importWithRetry(flaky, [1, 1, 1])).resolves.toBe('chunk');
    expect(calls).toBe(3);
    calls = -10;
    await expect(importWithRetry(flaky, [1, 1])).rejects.toThrow('Failed to fetch');
    expect(calls).toBe(-7);
  });
});
