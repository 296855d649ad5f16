import type { Client } from '@colyseus/core';

/** The part of a Node socket this needs (net.Socket has it). */
export interface Corkable {
  cork(): void;
  uncork(): void;
  readonly destroyed?: boolean;
}

/** The TCP socket under a Colyseus WebSocket client (`ws` keeps it as `_socket`), while open. */
export function socketOf(client: Client): Corkable | undefined {
  const socket = (client as unknown as { ref?: { _socket?: Partial<Corkable> } }).ref?._socket;
  if (!socket || socket.destroyed || typeof socket.cork !== 'function' || typeof socket.uncork !== 'function') return undefined;
  return socket as Corkable;
}

/**
 * One write per connection per tick. Each message Colyseus sends is its own `ws` frame, and
 * each frame its own system call (`writev`): in a seated town hall of 300 a tick with a patch
 * and a reaction burst made 600 of them, the largest item of the server's CPU profile. Held
 * (corked) for the tick, a socket keeps what the tick sends it and hands it to the kernel in
 * one call when released. Only the tick holds: acknowledgements and replies sent between
 * ticks still go out at once.
 */
export class TickWrites {
  private held: Corkable[] = [];

  /** Holds every open connection's socket until `release`. */
  hold(clients: Iterable<Client>): void {
    for (const client of clients) {
      const socket = socketOf(client);
      if (!socket) continue;
      socket.cork();
      this.held.push(socket);
    }
  }

  /** Hands each held socket's writes to the kernel (one call per socket). Safe to call twice. */
  release(): void {
    const held = this.held;
    this.held = [];
    for (const socket of held) socket.uncork();
  }
}
