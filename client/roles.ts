import { ROLE_LABEL, type Role } from '../shared/access.js';

/**
 * How a role badge looks, in the people list and on name tags alike: a pill in the role's
 * colour with dark text (each colour keeps a contrast of at least 7:1 with the text).
 */
export const ROLE_COLOUR: Record<Role, string> = {
  visitor: '#b5bec8',
  host: '#ffd166',
  moderator: '#ffa58a',
  curator: '#7be0a6',
  admin: '#c9b5ff',
};

export const ROLE_TEXT = '#0c1820';

export function roleLabel(role: Role): string {
  return ROLE_LABEL[role];
}

/** Visitors (everyone without a role) wear no badge. */
export function showsBadge(role: Role): boolean {
  return role !== 'visitor';
}
