import { ErrorCode } from '../../../shared/protocol/errors.js';
import { ApiError, type Handlers } from '../api.js';
import { openApiDocument } from '../openapi.js';
import { PAGES } from '../pages.js';
import type { HandlerDeps } from './deps.js';

/** Public data and operations: spaces, health, metrics and this API's description. */
export function publicHandlers(deps: HandlerDeps): Pick<Handlers, 'health' | 'metrics' | 'openapi' | 'listSpaces' | 'getSpace'> {
  let document: Record<string, unknown> | undefined;
  return {
    async health() {
      return { ok: true as const, ...(await deps.stats()) };
    },
    async metrics({ res }) {
      res.type(deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    },
    async openapi({ res }) {
      res.set('Cache-Control', 'no-cache');
      return (document ??= openApiDocument(PAGES));
    },
    async listSpaces({ res }) {
      const all = await deps.repos.spaces.list();
      res.set('Cache-Control', 'no-cache');
      return { spaces: all.map((s) => ({ id: s.id, name: s.name, kind: s.kind })) };
    },
    async getSpace({ params, res }) {
      const space = await deps.repos.spaces.get(params.id);
      if (!space) throw new ApiError(404, ErrorCode.NOT_FOUND, 'There is no space with that name.');
      res.set('Cache-Control', 'no-cache');
      return { space };
    },
  };
}
