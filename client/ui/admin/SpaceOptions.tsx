import type { SpaceSummary } from '../../net/spaces.js';

/** "All spaces" (value '') and then each space by name, for a space select. */
export function SpaceOptions({ spaces }: { spaces: SpaceSummary[] }) {
  return (
    <>
      <option value="">All spaces</option>
      {spaces.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </>
  );
}
