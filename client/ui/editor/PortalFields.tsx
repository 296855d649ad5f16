import type { ContentOf } from '../../../shared/exhibits/exhibit.js';
import { useUi } from '../../state/ui.js';
import { SelectField } from '../SelectField.js';
import { useSpaceList } from '../useSpaceList.js';

/** Where a doorway leads: one of the spaces there are. */
export function PortalFields({ content, onCommit }: { content: ContentOf<'portal'>; onCommit: (change: (c: ContentOf<'portal'>) => ContentOf<'portal'>) => void }) {
  const spaces = useSpaceList();
  const here = useUi((s) => s.spaceId);
  const known = spaces.some((s) => s.id === content.to);
  return (
    <SelectField
      label="Leads to"
      value={content.to}
      onChange={(e) => {
        const to = e.target.value;
        onCommit((c) => ({ ...c, to }));
      }}
      hint={spaces.length > 0 && !known ? 'That space no longer exists: choose another.' : undefined}
    >
      {!known && <option value={content.to}>{content.to}</option>}
      {spaces.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}{s.id === here ? ' (this space)' : ''}
        </option>
      ))}
    </SelectField>
  );
}
