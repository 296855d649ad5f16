import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * For tests and benchmarks against a shared PostgreSQL: creates an empty database with a
 * random name on the server `adminUrl` points at, and returns its URL and a way to drop it.
 */
export async function createScratchPostgres(adminUrl: string, prefix = 'hustings_scratch'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
