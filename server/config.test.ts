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

  it('refuses several processes on SQLite, naming the variables', () => {
    const pgUrl = 'postgres://u@127.0.0.1:5432/h';
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', VOICE: 'off' })).toThrow(/DATABASE_URL: REDIS_URL means several server processes.*PostgreSQL.*SQLite/);
    expect(() => loadConfig({ WORKERS: '2', VOICE: 'off' })).toThrow(/DATABASE_URL: WORKERS=2 means several/);
    expect(() => loadConfig({ WORKERS: '2', DATABASE_URL: pgUrl, VOICE: 'off' })).toThrow(/REDIS_URL: WORKERS=2 needs a Redis/);
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: pgUrl })).toThrow(/LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET: with REDIS_URL/);
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL: must start with redis:\/\//);
    expect(() => loadConfig({ PUBLIC_ADDRESS: 'https://events.example.org' })).toThrow(/PUBLIC_ADDRESS: must be host\[:port\]\[\/path\]/);
    const c = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: pgUrl, VOICE: 'off', PUBLIC_ADDRESS: 'events.example.org/m1-4400/', CLUSTER_ADDRESSES: '127.0.0.1:4401, 127.0.0.1:4402' });
    expect(c).toMatchObject({ PUBLIC_ADDRESS: 'events.example.org/m1-4400', CLUSTER_ADDRESSES: ['127.0.0.1:4401', '127.0.0.1:4402'], WORKERS: 1 });
    // One process keeps SQLite and needs none of it.
    expect(loadConfig({}).REDIS_URL).toBeUndefined();
  });
});
