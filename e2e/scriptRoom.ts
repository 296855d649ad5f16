import { Client, type Room } from 'colyseus.js';

/**
 * A spec's own colyseus.js connection to a space (a script playing a curator, a moderator or a
 * guest beside the browsers). It takes whatever the room sends that the spec did not ask for
 * (motion frames, the panels' messages) quietly: colyseus.js otherwise prints a console line for
 * every such message (50 lines in the browser stage of one CI run; the server tests'
 * clients are quietened in vitest.config.ts), which buried what mattered. Handlers the spec
 * registers for a type still get that type.
 */
export async function joinSpace<T = unknown>(wsUrl: string, options: Record<string, unknown>): Promise<Room<T>> {
  const room = await new Client(wsUrl).joinOrCreate<T>('space', options);
  room.onMessage('*', () => {});
  return room;
}
