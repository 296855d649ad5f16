import { Exhibit, KIND_LABEL, newContent, type ExhibitKind, type Transform } from '../../shared/exhibits/exhibit.js';
import { ErrorCode } from '../../shared/protocol/errors.js';
import { Refusal } from './refusal.js';

/** A new exhibit of a kind, placed where the curator put it. */
export function newExhibit(id: string, kind: ExhibitKind, transform: Transform, title: string | undefined, author: string): Exhibit {
  return {
    id, title: title ?? `New ${KIND_LABEL[kind].toLowerCase()}`, alt: '',
    provenance: { author, sources: [] }, transform, content: newContent(kind),
  };
}

/** An edit of text or content: the kind never changes, and the result must fit the exhibit model. */
export function editedExhibit(before: Exhibit, text: object | undefined, content: Exhibit['content'] | undefined): Exhibit {
  if (content && content.kind !== before.content.kind) {
    throw new Refusal(ErrorCode.INVALID_INPUT, `This exhibit is a ${KIND_LABEL[before.content.kind].toLowerCase()}; its kind cannot change.`);
  }
  const parsed = Exhibit.safeParse({ ...before, ...text, content: content ?? before.content });
  if (!parsed.success) throw new Refusal(ErrorCode.INVALID_INPUT, parsed.error.issues[0]?.message ?? 'That change does not fit the exhibit model.');
  return parsed.data;
}

/** The uploaded files an exhibit's content names (each must exist with its type). */
export function filesOf(e: Exhibit): { sha256: string; type: string }[] {
  const c = e.content;
  const files = c.kind === 'image' ? [c.image] : c.kind === 'video' ? [c.video, c.captions] : c.kind === 'model' ? [c.model] : [];
  return files.filter((f): f is NonNullable<typeof f> => Boolean(f));
}

/** A copy half a metre to the source's right, so it is visible at once. */
export function duplicateOf(source: Exhibit, id: string): Exhibit {
  const t = source.transform;
  const transform = { ...t, x: t.x + 0.5 * Math.cos(t.ry), z: t.z - 0.5 * Math.sin(t.ry) };
  return { ...structuredClone(source), id, title: `${source.title} (copy)`.slice(0, 120), transform };
}
