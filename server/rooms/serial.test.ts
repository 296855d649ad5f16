import { describe, expect, it } from 'vitest';
import { Serial } from './serial.js';

describe('Serial', () => {
  it('starts each task only after the one before it has settled, in the order given', async () => {
    const serial = new Serial();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const first = serial.run(async () => { log.push('first starts'); await gate; log.push('first ends'); return 1; });
    const second = serial.run(async () => { log.push('second starts'); return 2; });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['first starts']);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['first starts', 'first ends', 'second starts']);
  });

  it('goes on after a task throws, and gives the error to that task\'s caller only', async () => {
    const serial = new Serial();
    const failed = serial.run(async () => { throw new Error('no'); });
    const next = serial.run(async () => 'yes');
    await expect(failed).rejects.toThrow('no');
    expect(await next).toBe('yes');
  });
});
