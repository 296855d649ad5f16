import type { GrantableRole } from '../../../shared/access.js';

/** The roles an admin can hand out, in the order the forms offer them. */
export const GRANTABLE: readonly GrantableRole[] = ['host', 'moderator', 'curator', 'admin'];
