import { ApiCallError, callApi } from '../../shared/protocol/apiClient.js';
import type { MemberInvitesRequest, MemberInvitesResult } from '../../shared/protocol/members.js';
import { accountToken } from './account.js';
import { apiOrigin } from './spaces.js';

/**
 * Members in bulk: send the CSV (a check first, or for real) and get back the report and, for
 * real, the invitation links, which the server shows this once.
 */
export async function inviteMembers(spaceId: string, body: MemberInvitesRequest): Promise<MemberInvitesResult | { error: string }> {
  try {
    return await callApi('inviteMembers', { baseUrl: apiOrigin(), token: accountToken(), params: { id: spaceId }, body });
  } catch (err) {
    return { error: err instanceof ApiCallError ? err.message : 'The invitations could not be made; please try again.' };
  }
}
