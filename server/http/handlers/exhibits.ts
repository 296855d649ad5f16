import { publishProblems, type AssetKind, type Exhibit } from '../../../shared/exhibits/exhibit.js';
import { ErrorCode } from '../../../shared/protocol/errors.js';
import type { AssetFiles } from '../../assets/files.js';
import { tooLarge, UploadRefused } from '../../assets/files.js';
import { actorOf } from '../../auth/sessions.js';
import type { Repos } from '../../store/repos.js';
import type { VersionSummary } from '../../store/exhibits.js';
import { ApiError, type Handlers } from '../api.js';
import { type HandlerDeps, signedIn } from './deps.js';

export interface AssetDeps {
  files: AssetFiles;
  /** Upload size limits in bytes. */
  maxBytes: Record<AssetKind, number>;
}

function versionView(v: VersionSummary) {
  return { version: v.version, publishedAt: v.publishedAt, publishedBy: v.publishedByName, note: v.note, exhibitCount: v.exhibitCount };
}

/**
 * Why a set of exhibits cannot be published, as one sentence naming each unfinished exhibit
 * (undefined when they are ready). Files must have been uploaded here.
 */
export async function problemsOf(exhibits: readonly Exhibit[], repos: Repos): Promise<string | undefined> {
  const spaceIds = new Set((await repos.spaces.list()).map((s) => s.id));
  const lines: string[] = [];
  for (const e of exhibits) {
    const problems = publishProblems(e, spaceIds);
    const c = e.content;
    const files = c.kind === 'image' ? [c.image] : c.kind === 'video' ? [c.video, c.captions] : c.kind === 'model' ? [c.model] : [];
    for (const f of files) if (f && !(await repos.assets.get(f.sha256))) problems.push('refers to a file that is not on this server');
    if (problems.length > 0) lines.push(`“${e.title}” ${problems.join(', ')}`);
  }
  if (lines.length === 0) return undefined;
  return `${lines.length === 1 ? 'One exhibit needs' : `${lines.length} exhibits need`} finishing before publishing: ${lines.join('; ')}.`;
}

/**
 * Exhibitions over HTTP: the published exhibits (open data), publishing and history for
 * curators, and uploads checked by content.
 */
export function exhibitHandlers(deps: HandlerDeps): Pick<Handlers, 'publishedExhibits' | 'listVersions' | 'publish' | 'restoreVersion' | 'uploadAsset' | 'getAsset'> {
  const { repos } = deps;

  async function space(id: string): Promise<void> {
    if (!(await repos.spaces.get(id))) throw new ApiError(404, ErrorCode.NOT_FOUND, 'There is no space with that name.');
  }

  return {
    async publishedExhibits({ params, res }) {
      await space(params.id);
      const latest = await repos.exhibits.latest(params.id);
      res.set('Cache-Control', 'no-cache');
      return { spaceId: params.id, version: latest?.version ?? 0, publishedAt: latest?.publishedAt ?? null, exhibits: latest?.exhibits ?? [] };
    },

    async listVersions({ params }) {
      await space(params.id);
      return { versions: (await repos.exhibits.versions(params.id)).map(versionView) };
    },

    async publish({ params, body, identity }) {
      const who = signedIn(identity);
      await space(params.id);
      const version = await repos.transaction(async (r) => {
        const exhibits = (await r.exhibits.draft(params.id)).map((s) => s.exhibit);
        const problems = await problemsOf(exhibits, r);
        if (problems) throw new ApiError(409, ErrorCode.CONFLICT, problems);
        const v = await r.exhibits.publish(params.id, exhibits, body.note, { id: who.accountId, name: who.name });
        await r.audit.append({
          actorId: actorOf(who), action: 'exhibits.publish', targetType: 'space', targetId: params.id,
          detail: { version: v.version, exhibitCount: v.exhibitCount, note: body.note },
        });
        return v;
      }).catch((err: unknown) => {
        if (err instanceof ApiError) throw err;
        // Two publishes of one space at the same instant: the second finds its number taken.
        if (/unique|duplicate|constraint/i.test(String((err as Error | undefined)?.message))) {
          throw new ApiError(409, ErrorCode.CONFLICT, 'Someone else published this space at the same moment; please try again.');
        }
        throw err;
      });
      deps.events.exhibitsChanged(params.id, 'published');
      return versionView(version);
    },

    async restoreVersion({ params, identity }) {
      const who = signedIn(identity);
      await space(params.id);
      const restored = await repos.transaction(async (r) => {
        const v = await r.exhibits.version(params.id, params.version);
        if (!v) throw new ApiError(404, ErrorCode.NOT_FOUND, 'There is no such version.');
        await r.exhibits.replaceDraft(params.id, v.exhibits, who.accountId);
        await r.audit.append({
          actorId: actorOf(who), action: 'exhibits.restore', targetType: 'space', targetId: params.id,
          detail: { version: v.version, exhibitCount: v.exhibitCount },
        });
        return v;
      });
      deps.events.exhibitsChanged(params.id, 'draft');
      return { restored: restored.version, exhibitCount: restored.exhibitCount };
    },

    async uploadAsset({ query, identity, req }) {
      const who = signedIn(identity);
      const limit = deps.assets.maxBytes[query.kind];
      const declared = Number(req.get('content-length') ?? Number.NaN);
      if (declared > limit) {
        // Refused before reading a byte; the connection closes so the rest is not sent for nothing.
        req.res?.set('Connection', 'close');
        throw new ApiError(413, ErrorCode.TOO_LARGE, tooLarge(limit, query.kind));
      }
      let stored;
      try {
        stored = await deps.assets.files.receive(query.kind, req, limit);
      } catch (err) {
        if (err instanceof UploadRefused) {
          if (err.reason === 'no-space') {
            deps.log.error({ dir: deps.assets.files.dir }, 'uploads: the disk is full; uploads are refused until there is room');
            throw new ApiError(503, ErrorCode.UNAVAILABLE, err.message, 60);
          }
          throw err.reason === 'too-large'
            ? new ApiError(413, ErrorCode.TOO_LARGE, err.message)
            : new ApiError(400, ErrorCode.INVALID_INPUT, err.message);
        }
        throw err;
      }
      const asset = await repos.transaction(async (r) => {
        const a = await r.assets.add({ sha256: stored.sha256, type: stored.type, kind: query.kind, size: stored.size, name: query.name, createdBy: who.accountId });
        await r.audit.append({ actorId: actorOf(who), action: 'asset.upload', targetType: 'asset', targetId: stored.sha256, detail: { kind: query.kind, type: stored.type, size: stored.size, name: query.name } });
        return a;
      });
      return { sha256: asset.sha256, type: stored.type, kind: query.kind, size: asset.size, name: asset.name };
    },

    async getAsset({ params, res }) {
      const asset = await repos.assets.get(params.sha256);
      if (!asset) throw new ApiError(404, ErrorCode.NOT_FOUND, 'There is no such file.');
      await new Promise<void>((resolve, reject) => {
        res.sendFile(deps.assets.files.pathOf(asset.sha256), {
          // The name is the content's hash: it never changes, so it can be cached for good.
          headers: {
            'Content-Type': asset.type,
            'Cache-Control': 'public, max-age=31536000, immutable',
            'X-Content-Type-Options': 'nosniff',
            'Content-Disposition': 'inline',
          },
        }, (err) => (err ? reject(new ApiError(404, ErrorCode.NOT_FOUND, 'There is no such file.')) : resolve()));
      });
      return undefined;
    },
  };
}
