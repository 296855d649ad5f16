import { matchMaker } from '@colyseus/core';
import { VoiceToken } from '../../../shared/protocol/api.js';
import { ErrorCode } from '../../../shared/protocol/errors.js';
import { ApiError, type Handlers } from '../api.js';
import { type HandlerDeps, signedIn } from './deps.js';

/**
 * Voice tokens: for a connection of yours in a space instance, with the grants your place allows
 * (see RoomVoice). Nobody gets a token for a room they are not in. The room may live in another
 * process (several processes share one room list in Redis): it is asked through Colyseus'
 * remoteRoomCall, which calls it directly when it is here.
 */
export function voiceHandlers(deps: HandlerDeps): Pick<Handlers, 'voiceToken'> {
  return {
    async voiceToken({ body, identity }) {
      const caller = signedIn(identity);
      if (!deps.voiceRunning) throw new ApiError(503, ErrorCode.UNAVAILABLE, 'Voice is not running on this server; everything else works without it.');
      const notYours = () => new ApiError(404, ErrorCode.NOT_FOUND, 'You are not in that space; enter it before asking for its voice.');
      const listing = await matchMaker.getRoomById(body.roomId);
      const spaceId = (listing?.metadata as { spaceId?: unknown } | undefined)?.spaceId;
      if (!listing || listing.name !== 'space' || spaceId !== body.spaceId) throw notYours();
      let result: unknown;
      try {
        result = await matchMaker.remoteRoomCall(body.roomId, 'voiceToken', [body.sessionId, caller]);
      } catch (err) {
        deps.log.warn({ err, roomId: body.roomId }, 'asking a room for a voice token failed');
        throw new ApiError(503, ErrorCode.UNAVAILABLE, 'The space did not answer in time; voice will try again by itself.');
      }
      if (result === 'not-yours') throw notYours();
      if (result === 'off') throw new ApiError(403, ErrorCode.NOT_ALLOWED, 'Voice is switched off in this space.');
      return VoiceToken.parse(result);
    },
  };
}
