import { lazyRetry } from '../../lazyRetry.js';
import type { Exhibit } from '../../../shared/exhibits/exhibit.js';
import { assetUrl, exhibitIntents } from '../../state/exhibits.js';
import { useSpaces } from '../../state/spaces.js';
import { ChartFigure } from './ChartFigure.js';
import { TwinDetail } from '../twins/TwinDetail.js';
import { Suspense } from 'react';

/** Markdown (react-markdown and its parser, ~40 kB gzip) loads when a panel's text is first shown, not before the first frame. */
const ExhibitMarkdown = lazyRetry(() => import('./ExhibitMarkdown.js').then((m) => ({ default: m.ExhibitMarkdown })));

function useSpaceName(id: string): string {
  return useSpaces((s) => {
    const entry = s.entries[id];
    return entry?.status === 'ready' ? entry.layout.name : id;
  });
}

function Portal({ to, alt, onLeave }: { to: string; alt: string; onLeave: () => void }) {
  const name = useSpaceName(to);
  return (
    <>
      <p>{alt || `A doorway to ${name}.`}</p>
      <p>
        <button type="button" onClick={() => { onLeave(); exhibitIntents.travel?.(to); }}>
          Go to {name}
        </button>
      </p>
    </>
  );
}

/** Text typed by curators, kept as they wrote it (line breaks shown), never parsed as markup. */
function Plain({ text, className }: { text: string; className?: string }) {
  return text ? <p className={className ? `plain ${className}` : 'plain'}>{text}</p> : null;
}

/**
 * A panel's words: the summary, the Markdown text (headings a level below the title it sits
 * under: the overlay's h2, the accessible view's h3) and who sponsors it.
 */
export function PanelText({ content, under = 2 }: { content: Extract<Exhibit['content'], { kind: 'panel' }>; under?: 2 | 3 }) {
  return (
    <>
      <Plain text={content.summary} className="lede" />
      {content.body.trim() && (
        <Suspense fallback={<Plain text={content.body} className="exhibit-markdown" />}>
          <ExhibitMarkdown text={content.body} under={under} />
        </Suspense>
      )}
      <Plain text={content.sponsor} className="sponsor" />
    </>
  );
}

/** The full content of an exhibit in HTML, by kind. */
export function ExhibitContent({ exhibit, onLeave }: { exhibit: Exhibit; onLeave: () => void }) {
  const c = exhibit.content;
  switch (c.kind) {
    case 'panel':
      return <PanelText content={c} />;
    case 'image':
      return c.image ? (
        <figure className="exhibit-image">
          <img src={assetUrl(c.image.sha256)} alt={exhibit.alt} />
        </figure>
      ) : (
        <p className="muted">No image has been added yet.</p>
      );
    case 'video':
      return (
        <>
          {c.video ? (
            // Plays only when the visitor presses play; captions when the curator gave them.
            <video className="exhibit-video" controls preload="metadata" playsInline src={assetUrl(c.video.sha256)}>
              {c.captions && <track kind="captions" src={assetUrl(c.captions.sha256)} label="Captions" default />}
            </video>
          ) : (
            <p className="muted">No video has been added yet.</p>
          )}
          <Plain text={exhibit.alt} />
        </>
      );
    case 'model':
      return (
        <>
          <Plain text={exhibit.alt} />
          {c.model && (
            <p><a href={assetUrl(c.model.sha256)} download={`${exhibit.id}.glb`}>Download the 3D model (.glb)</a></p>
          )}
        </>
      );
    case 'chart':
      return (
        <>
          <Plain text={exhibit.alt} />
          <ChartFigure c={c} title={exhibit.title} />
        </>
      );
    case 'portal':
      return <Portal to={c.to} alt={exhibit.alt} onLeave={onLeave} />;
    case 'twin':
      return <TwinDetail exhibit={exhibit} />;
  }
}
