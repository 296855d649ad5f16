/** One open instance of a space, as the matchmaker lists it. */
export interface Instance { roomId: string; spaceId: string; clients: number; maxClients: number }
export interface SpaceName { id: string; name: string }

/**
 * Whether a new instance of a space may open. The matchmaker opens one only when no instance
 * of the space will take another person, so an instance already open means the space is full:
 * then the refusal names the spaces that have room (open and not full, or not open at all).
 * Returns undefined when the instance may open.
 */
export function fullRefusal(space: SpaceName, others: readonly Instance[], spaces: readonly SpaceName[], maxClients: number): string | undefined {
  const mine = others.filter((i) => i.spaceId === space.id);
  if (mine.length === 0) return undefined;
  const people = mine.reduce((n, i) => n + i.clients, 0);
  const roomy = spaces.filter((s) => s.id !== space.id && others
    .filter((i) => i.spaceId === s.id)
    .every((i) => i.clients < i.maxClients));
  const where = roomy.length === 0
    ? 'Every space is full right now; please try again in a few minutes.'
    : `There is space in ${roomy.map((s) => s.name).join(', ')}.`;
  return `${space.name} is full (${Math.max(people, maxClients)} people). ${where}`;
}
