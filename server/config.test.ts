import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('uses the embedded defaults, and treats empty variables (as in .env.example) as unset', () => {
    const c = loadConfig({ DATABASE_URL: '', SESSION_SECRET: '' });
    expect(c.PORT).toBe(8080);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SESSION_SECRET).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '', ALLOWED_HOSTS: '' })).toMatchObject({ METRICS_TOKEN: undefined, ALLOWED_HOSTS: [] });
    expect(loadConfig({ ALLOWED_HOSTS: ' Hall.Example.NET., b.example ' }).ALLOWED_HOSTS).toEqual(['hall.example.net', 'b.example']);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET: must be at least 32/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16/);
  });
});
