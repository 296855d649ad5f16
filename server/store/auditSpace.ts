/**
 * The space an audit entry is about: given outright, or the `spaceId` in its detail, or its
 * target when that is a space, or the space of the event it (or its detail) names. Null for
 * site-wide entries (accounts, uploads, global grants).
 */
export function auditSpaceOf(
  entry: { spaceId?: string | null; targetType?: string | null; targetId?: string | null; detail?: unknown },
  spaceOfEvent: (eventId: string) => string | undefined,
): string | null {
  if (entry.spaceId) return entry.spaceId;
  const detail = (typeof entry.detail === 'object' && entry.detail !== null ? entry.detail : {}) as { spaceId?: unknown; eventId?: unknown };
  if (typeof detail.spaceId === 'string' && detail.spaceId) return detail.spaceId;
  if (entry.targetType === 'space' && entry.targetId) return entry.targetId;
  const eventId = entry.targetType === 'event' && entry.targetId ? entry.targetId : typeof detail.eventId === 'string' ? detail.eventId : undefined;
  return eventId === undefined ? null : spaceOfEvent(eventId) ?? null;
}
