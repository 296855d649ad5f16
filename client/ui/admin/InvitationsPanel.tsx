import { useState } from 'react';
import type { InvitationCreated, InvitationView } from '../../../shared/protocol/api.js';
import type { SpaceSummary } from '../../net/spaces.js';
import { roleLabel } from '../../roles.js';
import { spaceLabel } from '../useSpaceList.js';
import { ActionResult } from './ActionResult.js';
import { InvitationForm } from './InvitationForm.js';
import { InvitationLink } from './InvitationLink.js';
import { InvitationTable } from './InvitationTable.js';
import { useAction } from './useAction.js';

/** Invite people by link with a role; see and withdraw invitations. */
export function InvitationsPanel({ invitations, spaces, reload }: { invitations: InvitationView[]; spaces: SpaceSummary[]; reload: () => Promise<void> }) {
  const create = useAction(reload);
  const withdraw = useAction(reload);
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  return (
    <section id="invitations" className="panel admin-section" aria-labelledby="invitations-title">
      <h2 id="invitations-title">Invitations</h2>
      <InvitationForm spaces={spaces} action={create} onCreated={setCreated} />
      <ActionResult action={create} />
      {created && (
        <InvitationLink
          url={new URL(created.path, location.origin).href}
          summary={`${roleLabel(created.invitation.role)} in ${spaceLabel(spaces, created.invitation.spaceId)}${created.invitation.email ? `, for ${created.invitation.email}` : ''}.`}
        />
      )}
      <h3>All invitations</h3>
      <ActionResult action={withdraw} />
      <InvitationTable invitations={invitations} spaces={spaces} action={withdraw} />
    </section>
  );
}
