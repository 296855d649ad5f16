import { ApiCallError, callApi } from '../../shared/protocol/apiClient.js';
import { accountToken } from './account.js';
import { apiOrigin } from './spaces.js';
import { guestToken } from './session.js';
import { useLook } from '../state/look.js';
import { showToast } from '../state/ui.js';

/** The session the rooms were joined with: the account's, else this tab's guest session. */
function sessionToken(): string | null {
  return accountToken() ?? guestToken();
}

/**
 * Once in a space: sends a look chosen here that the server has not kept yet (it then shows on
 * our avatar in every space at once), or else reads the server's, so the picker shows it.
 */
export async function syncLook(): Promise<void> {
  const token = sessionToken();
  if (!token) return;
  const { look, pending } = useLook.getState();
  try {
    if (pending) {
      const kept = await callApi('setLook', { baseUrl: apiOrigin(), token, body: look });
      if (useLook.getState().look === look) useLook.setState({ look: kept.look, pending: false, known: true });
    } else {
      const server = await callApi('getLook', { baseUrl: apiOrigin(), token });
      if (!useLook.getState().pending) useLook.setState({ look: server.look, known: true });
    }
  } catch (err) {
    showToast(err instanceof ApiCallError ? err.message : 'Your look could not be saved; please try again.');
  }
}
