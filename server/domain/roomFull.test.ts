import { describe, expect, it } from 'vitest';
import { fullRefusal } from './roomFull.js';

const spaces = [{ id: 'plaza', name: 'Civic Plaza' }, { id: 'townhall', name: 'Town Hall' }, { id: 'hall-1', name: 'Exhibition Hall' }];

describe('a full space', () => {
  it('opens a first instance', () => {
    expect(fullRefusal(spaces[0]!, [{ roomId: 'r', spaceId: 'townhall', clients: 5, maxClients: 10 }], spaces, 10)).toBeUndefined();
  });

  it('refuses a second instance and names the spaces with room', () => {
    const open = [
      { roomId: 'a', spaceId: 'plaza', clients: 10, maxClients: 10 },
      { roomId: 'b', spaceId: 'townhall', clients: 10, maxClients: 10 },
    ];
    expect(fullRefusal(spaces[0]!, open, spaces, 10)).toBe('Civic Plaza is full (10 people). There is space in Exhibition Hall.');
  });

  it('says so when every space is full', () => {
    const open = spaces.map((s) => ({ roomId: s.id, spaceId: s.id, clients: 3, maxClients: 3 }));
    expect(fullRefusal(spaces[2]!, open, spaces, 3)).toMatch(/^Exhibition Hall is full \(3 people\)\. Every space is full/);
  });
});
