import { matchMaker } from '@colyseus/core';
import { ErrorCode } from '../../../shared/protocol/errors.js';
import { SpaceRoom } from '../../rooms/SpaceRoom.js';
import { ApiError, type Handlers } from '../api.js';
import { type HandlerDeps, signedIn } from './deps.js';

/**
 * Voice tokens: for a connection of yours in a space instance on this server, with the grants
 * your place allows (see RoomVoice). Nobody gets a token for a room they are not in.
 */
export function voiceHandlers(deps: HandlerDeps): Pick<Handlers, 'voiceToken'> {
  return {
    async voiceToken({ body, identity }) {
      const caller = signedIn(identity);
      if (!deps.voiceRunning) throw new ApiError(503, ErrorCode.UNAVAILABLE, 'Voice is not running on this server; everything else works without it.');
      const room = matchMaker.getLocalRoomById(body.roomId);
      const notYours = () => new ApiError(404, ErrorCode.NOT_FOUND, 'You are not in that space; enter it before asking for its voice.');
      if (!(room instanceof SpaceRoom) || room.spaceId !== body.spaceId) throw notYours();
      const result = await room.voiceToken(body.sessionId, caller);
      if (result === 'not-yours') throw notYours();
      if (result === 'off') throw new ApiError(403, ErrorCode.NOT_ALLOWED, 'Voice is switched off in this space.');
      return result;
    },
  };
}
