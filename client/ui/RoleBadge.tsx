import type { Role } from '../../shared/access.js';
import { ROLE_COLOUR, ROLE_TEXT, roleLabel } from '../roles.js';

/** A role as a small coloured pill; `where` names the space it holds for ("all spaces"). */
export function RoleBadge({ role, where }: { role: Role; where?: string | undefined }) {
  return (
    <span className="role-badge" style={{ background: ROLE_COLOUR[role], color: ROLE_TEXT }}>
      {roleLabel(role)}
      {where !== undefined && <span className="role-where"> · {where}</span>}
    </span>
  );
}
