import type { InvitationPreview } from '../../shared/protocol/api.js';
import { roleLabel } from '../roles.js';
import { formatTime } from './formatTime.js';

/** What an invitation grants, where, for whom, and until when. Server text as React text only. */
export function InviteSummary({ preview }: { preview: InvitationPreview }) {
  const where = preview.spaceId === null ? 'all spaces' : (preview.spaceName ?? preview.spaceId);
  return (
    <div className="invite-summary">
      <p className="lede">
        You are invited as <strong>{roleLabel(preview.role)}</strong> in <strong>{where}</strong>.
      </p>
      <p className="muted">
        {preview.email && <>It was made for {preview.email}. </>}
        The link works until {formatTime(preview.expiresAt)}.
      </p>
    </div>
  );
}
