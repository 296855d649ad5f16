import net from 'node:net';
import { distanceFrom, enter, expect, hook, test } from './fixtures.js';

/**
 * A TCP relay in front of the server: the test can cut every connection through it at once,
 * as a network drop does (no WebSocket close frame either way), and keep the line down (new
 * connections refused) until it restores it, so what happens in between can be observed.
 */
async function relay(targetPort: number) {
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    connections: () => sockets.size,
    cut: () => {
      down = true;
      for (const s of sockets) s.destroy();
    },
    restore: () => { down = false; },
    close: () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}

test('a dropped connection comes back as the same avatar at the same place', async ({ newVisitor, baseURL }) => {
  const line = await relay(Number(new URL(baseURL!).port));
  try {
    const a = await newVisitor({ baseURL: line.url });
    const b = await newVisitor();
    await enter(a.page, 'Dropper');
    await enter(b.page, 'Onlooker');
    const id = (await hook(a.page, (h) => h.selfId))!;
    const before = (await hook(a.page, (h) => h.self()))!;

    line.cut();
    await expect.poll(() => hook(a.page, (h) => h.status), { intervals: [50] }).toBe('reconnecting');
    await expect.poll(() => b.page.evaluate((sid) => window.__hustings!.avatars().find((v) => v.id === sid)?.connected, id)).toBe(false);
    line.restore();
    await expect.poll(() => hook(a.page, (h) => h.status)).toBe('connected');
    expect(await hook(a.page, (h) => h.selfId)).toBe(id);
    const after = (await hook(a.page, (h) => h.self()))!;
    expect(Math.hypot(after.x - before.x, after.z - before.z)).toBeLessThan(0.01);
    await expect.poll(() => b.page.evaluate((sid) => window.__hustings!.avatars().find((v) => v.id === sid)?.connected, id)).toBe(true);

    // And the avatar still walks, and the onlooker still sees exactly one Dropper.
    await a.page.keyboard.down('w');
    await expect.poll(() => distanceFrom(a.page, after)).toBeGreaterThan(1);
    await a.page.keyboard.up('w');
    expect((await hook(b.page, (h) => h.avatars().map((v) => v.name))).filter((n) => n.startsWith('Dropper'))).toEqual(['Dropper']);
  } finally {
    await line.close();
  }
});
