import dgram from 'node:dgram';
import net from 'node:net';

/**
 * A base port for a test LiveKit whose signalling (TCP base), media TCP (base+1) and media UDP
 * (base+2) are free now. Chosen below Linux's ephemeral range (32768-60999), where outgoing
 * connections (npm, other tests) take ports at random and LiveKit could find its own taken.
 */
export async function freeVoicePorts(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    if ((await tcpFree(base)) && (await tcpFree(base + 1)) && (await udpFree(base + 2))) return base;
  }
  throw new Error('No free ports for a test LiveKit between 20000 and 32000.');
}

function tcpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '0.0.0.0', () => socket.close(() => resolve(true)));
  });
}
