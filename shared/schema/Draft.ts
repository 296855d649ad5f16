import { schema, type SchemaType } from '@colyseus/schema';

/**
 * A space's draft exhibits, as curators in edit mode see them through the room state (the
 * field is tagged `view`: only connections whose StateView holds it receive it, so visitors
 * never see drafts). Transforms are numbers so a drag shows smoothly; the rest of an exhibit
 * (text, provenance, content) travels as its JSON in `data` (exhibitFromState rebuilds it).
 */
export const ExhibitState = schema({
  id: 'string',
  kind: 'string',
  title: 'string',
  x: 'float32',
  y: 'float32',
  z: 'float32',
  rx: 'float32',
  ry: 'float32',
  rz: 'float32',
  scale: 'float32',
  /** JSON of { alt, provenance, content }. */
  data: 'string',
  /** Bumped by every stored change. */
  rev: 'uint32',
  /** The session id of the curator dragging it ('' when free), and their name. */
  lockedBy: 'string',
  lockedName: 'string',
}, 'ExhibitState');
export type ExhibitState = SchemaType<typeof ExhibitState>;

export const DraftState = schema({
  exhibits: { map: ExhibitState },
  /** The draft differs from the published version. */
  dirty: 'boolean',
  /** Bumped by every stored change to the draft. */
  rev: 'uint32',
}, 'DraftState');
export type DraftState = SchemaType<typeof DraftState>;
