import type { InvitationPreview } from '../../shared/protocol/api.js';
import { roleLabel } from '../roles.js';
import { formatTime } from './formatTime.js';

/** What an invitation grants, where, for whom, and until when. Server text as React text only. */
export function InviteSummary({ preview }: { preview: InvitationPreview }) {
  const where = preview.spaceId === null ? 'all spaces' : (preview.spaceName ?? preview.spaceId);
  return (
    <div className="invite-summary">
      {preview.role === 'visitor' ? (
        <p className="lede">
          You are invited to join as a <strong>member</strong>, from <strong>{where}</strong>. With an account you can vote on ballots that take accounts; it gives no staff role.
        </p>
      ) : (
        <p className="lede">
          You are invited as <strong>{roleLabel(preview.role)}</strong> in <strong>{where}</strong>.
        </p>
      )}
      <p className="muted">
        {preview.email && <>It was made for {preview.email}. </>}
        The link works until {formatTime(preview.expiresAt)}.
      </p>
    </div>
  );
}
