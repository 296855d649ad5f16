import { z } from 'zod';
import { checkParams } from '../sim/levers.js';
import { modelInfoById } from '../sim/modelInfo.js';
import { SpaceId } from '../spaces/layout.js';

/**
 * Exhibits: what curators place in a space and visitors tour. One document per exhibit with a
 * transform, a title, provenance and a text alternative, so an accessible list of every
 * exhibit can be made from the data alone. The kind-specific part is `content`.
 *
 * Drafts may be unfinished (an image without its file yet, an empty alt text): `Exhibit`
 * validates every draft operation; `publishProblems` says what must be finished before a
 * space can be published.
 */

export const EXHIBIT_KINDS = ['panel', 'image', 'video', 'model', 'chart', 'portal', 'twin'] as const;
export const ExhibitKind = z.enum(EXHIBIT_KINDS);
export type ExhibitKind = z.infer<typeof ExhibitKind>;
/** Kinds a curator can add from the palette (all of them). */
export const PLACEABLE_KINDS = EXHIBIT_KINDS;

export const KIND_LABEL: Record<ExhibitKind, string> = {
  panel: 'Panel', image: 'Image', video: 'Video', model: '3D model', chart: 'Chart', portal: 'Doorway', twin: 'Digital twin',
};

const finite = z.number().finite();
const angle = finite.min(-2 * Math.PI).max(2 * Math.PI);

/** Where an exhibit stands: metres (y up from the floor), radians, and a uniform scale. */
export const Transform = z.strictObject({
  x: finite.min(-500).max(500),
  y: finite.min(-1).max(30),
  z: finite.min(-500).max(500),
  rx: angle,
  ry: angle,
  rz: angle,
  scale: finite.min(0.1).max(20),
});
export type Transform = z.infer<typeof Transform>;

export const Source = z.strictObject({
  title: z.string().trim().min(1, 'Every source needs a title.').max(200, 'Source titles can be at most 200 characters.'),
  url: z.string().trim().max(2000).pipe(z.url({ protocol: /^https?$/, error: 'Source links must be http(s) addresses.' })),
});
export type Source = z.infer<typeof Source>;

/** Who made an exhibit, and what it rests on. */
export const Provenance = z.strictObject({
  author: z.string().trim().max(160, 'The author line can be at most 160 characters.'),
  sources: z.array(Source).max(20, 'At most 20 sources per exhibit.'),
});
export type Provenance = z.infer<typeof Provenance>;

/** Uploaded files, by the SHA-256 of their content (GET /api/assets/<sha256>). */
export const ASSET_TYPES = {
  image: ['image/png', 'image/jpeg', 'image/webp'],
  video: ['video/mp4', 'video/webm'],
  captions: ['text/vtt'],
  model: ['model/gltf-binary'],
} as const;
export type AssetKind = keyof typeof ASSET_TYPES;
export const AssetKind = z.enum(['image', 'video', 'captions', 'model']);
export const AssetType = z.enum([...ASSET_TYPES.image, ...ASSET_TYPES.video, ...ASSET_TYPES.captions, ...ASSET_TYPES.model]);
export type AssetType = z.infer<typeof AssetType>;
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'An asset is named by the SHA-256 of its content (64 hex digits).');
export const AssetRef = z.strictObject({ sha256: Sha256, type: AssetType });
export type AssetRef = z.infer<typeof AssetRef>;
const assetOf = (kind: AssetKind) => AssetRef.refine((a) => (ASSET_TYPES[kind] as readonly string[]).includes(a.type), `That file is not a ${kind}.`);

export const CHART_MAX_ROWS = 60;
export const CHART_MAX_SERIES = 6;

export const PanelContent = z.strictObject({
  kind: z.literal('panel'),
  summary: z.string().max(400, 'Summaries can be at most 400 characters.'),
  /** Markdown, rendered without raw HTML; links open in a new tab. */
  body: z.string().max(20_000, 'The text can be at most 20,000 characters.'),
  /** Who sponsors or authored the proposal shown ("Published by ..."). */
  sponsor: z.string().max(160, 'The sponsor line can be at most 160 characters.'),
});
export const ImageContent = z.strictObject({ kind: z.literal('image'), image: assetOf('image').nullable() });
export const VideoContent = z.strictObject({ kind: z.literal('video'), video: assetOf('video').nullable(), captions: assetOf('captions').nullable() });
export const ModelContent = z.strictObject({ kind: z.literal('model'), model: assetOf('model').nullable() });
export const ChartContent = z.strictObject({
  kind: z.literal('chart'),
  chart: z.enum(['bar', 'line']),
  unit: z.string().max(24, 'Units can be at most 24 characters.'),
  series: z.array(z.string().trim().min(1, 'Every series needs a name.').max(40)).min(1).max(CHART_MAX_SERIES, `At most ${CHART_MAX_SERIES} series.`),
  rows: z.array(z.strictObject({
    label: z.string().trim().min(1, 'Every row needs a label.').max(40),
    values: z.array(finite.min(-1e12).max(1e12)),
  })).max(CHART_MAX_ROWS, `At most ${CHART_MAX_ROWS} rows.`),
}).refine((c) => c.rows.every((r) => r.values.length === c.series.length), 'Every row needs one number per series.');
export const PortalContent = z.strictObject({ kind: z.literal('portal'), to: SpaceId });
/** The model a new twin starts with. */
export const DEFAULT_TWIN_MODEL = 'congestion-charge';

/**
 * A digital twin: which model (shared/sim) and the official scenario, its levers and seed, that
 * every visitor sees first. Levers are checked against the model's ranges here, so a draft can
 * never hold a scenario the model would refuse; a lever left out takes the model's default.
 */
export const TwinContent = z.strictObject({
  kind: z.literal('twin'),
  model: z.string().max(60),
  params: z.record(z.string().max(40), z.number()),
  seed: z.number().int('The seed is a whole number.').min(0, 'The seed is 0 or more.').max(2 ** 31 - 1, 'The seed is at most 2147483647.'),
}).superRefine((c, ctx) => {
  const info = modelInfoById(c.model);
  if (!info) {
    ctx.addIssue({ code: 'custom', path: ['model'], message: `There is no simulation model called "${c.model}".` });
    return;
  }
  const checked = checkParams(info, c.params);
  if (!checked.ok) for (const message of checked.problems) ctx.addIssue({ code: 'custom', path: ['params'], message });
});
export const ExhibitContent = z.discriminatedUnion('kind', [PanelContent, ImageContent, VideoContent, ModelContent, ChartContent, PortalContent, TwinContent]);
export type ExhibitContent = z.infer<typeof ExhibitContent>;
export type ContentOf<K extends ExhibitKind> = Extract<ExhibitContent, { kind: K }>;

export const ExhibitId = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, 'Exhibit ids are 6-40 letters, digits, _ or -.');

/** The editable text of an exhibit besides its content. */
export const ExhibitText = z.strictObject({
  title: z.string().trim().min(1, 'Every exhibit needs a title.').max(120, 'Titles can be at most 120 characters.'),
  /** The text alternative: alt text of an image, description of a model or video, summary of a chart. */
  alt: z.string().trim().max(2000, 'The text alternative can be at most 2,000 characters.'),
  provenance: Provenance,
});
export type ExhibitText = z.infer<typeof ExhibitText>;

export const Exhibit = z.strictObject({
  id: ExhibitId,
  ...ExhibitText.shape,
  transform: Transform,
  content: ExhibitContent,
}).meta({ id: 'Exhibit' });
export type Exhibit = z.infer<typeof Exhibit>;

/** Where a new exhibit of each kind starts: sensible, valid, visibly unfinished where it must be. */
export function newContent(kind: ExhibitKind): ExhibitContent {
  switch (kind) {
    case 'panel': return { kind, summary: '', body: '', sponsor: '' };
    case 'image': return { kind, image: null };
    case 'video': return { kind, video: null, captions: null };
    case 'model': return { kind, model: null };
    case 'chart': return { kind, chart: 'bar', unit: '', series: ['Value'], rows: [{ label: 'A', values: [1] }, { label: 'B', values: [2] }] };
    case 'portal': return { kind, to: 'plaza' };
    case 'twin': return { kind, model: DEFAULT_TWIN_MODEL, params: {}, seed: 1 };
  }
}

/**
 * What stops an exhibit from being published, in sentences a curator can act on (empty when it
 * is ready). Drafts may be unfinished; what visitors see never is.
 */
export function publishProblems(e: Exhibit, spaceIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const c = e.content;
  const needsAlt = c.kind === 'image' || c.kind === 'video' || c.kind === 'model' || c.kind === 'chart';
  if (needsAlt && e.alt.length === 0) {
    problems.push(c.kind === 'image' ? 'needs alt text' : c.kind === 'model' ? 'needs a text description' : 'needs a text alternative');
  }
  if (c.kind === 'image' && !c.image) problems.push('needs an image file');
  if (c.kind === 'video' && !c.video) problems.push('needs a video file');
  if (c.kind === 'model' && !c.model) problems.push('needs a .glb file');
  if (c.kind === 'chart' && c.rows.length === 0) problems.push('needs at least one row of data');
  if (c.kind === 'panel' && c.summary.trim().length === 0 && c.body.trim().length === 0) problems.push('needs a summary or some text');
  if (c.kind === 'portal' && !spaceIds.has(c.to)) problems.push(`leads to "${c.to}", which is not a space`);
  return problems;
}

/** The text a screen reader or the accessible list gives for an exhibit, from the data alone. */
export function textAlternative(e: Exhibit): string {
  const c = e.content;
  switch (c.kind) {
    case 'panel': return [c.summary, c.body].filter((s) => s.trim().length > 0).join('\n\n');
    case 'chart': return [e.alt, `${c.series.join(', ')}${c.unit ? ` (${c.unit})` : ''}: ${c.rows.map((r) => `${r.label} ${r.values.join(' / ')}`).join('; ')}`].filter(Boolean).join('\n');
    case 'portal': return e.alt || `A doorway to ${c.to}.`;
    case 'twin': {
      const info = modelInfoById(c.model);
      if (!info) return e.alt;
      const levers = info.levers.map((l) => `${l.label} ${c.params[l.key] ?? l.default}${l.unit ? ` ${l.unit}` : ''}`).join(', ');
      return [e.alt, `A live simulation (${info.name}): ${info.question} Official scenario: ${levers}; seed ${c.seed}.`].filter(Boolean).join('\n');
    }
    default: return e.alt;
  }
}

/** The exhibit a draft's room-state entry stands for (undefined if its data does not parse). */
export function exhibitFromState(s: {
  id: string; title: string; x: number; y: number; z: number; rx: number; ry: number; rz: number; scale: number; data: string;
}): Exhibit | undefined {
  let data: unknown;
  try {
    data = JSON.parse(s.data);
  } catch {
    return undefined;
  }
  const parsed = Exhibit.safeParse({
    ...(typeof data === 'object' && data !== null ? data : {}),
    id: s.id, title: s.title,
    transform: { x: s.x, y: s.y, z: s.z, rx: s.rx, ry: s.ry, rz: s.rz, scale: s.scale },
  });
  return parsed.success ? parsed.data : undefined;
}

/** The JSON that travels in ExhibitState.data. */
export function exhibitData(e: Exhibit): string {
  return JSON.stringify({ alt: e.alt, provenance: e.provenance, content: e.content });
}
