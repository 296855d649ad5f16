import { memo } from 'react';
import { LazyPart } from '../../LazyPart.js';
import { lazyRetry } from '../../lazyRetry.js';
import type { ExhibitProps } from './ExhibitGroup.js';
import { ImageExhibit } from './ImageExhibit.js';
import { PanelExhibit } from './PanelExhibit.js';
import { PortalExhibit } from './PortalExhibit.js';

/*
 * The kinds with code of their own are chunks fetched when the first one is drawn in detail, not
 * before the first frame: models (three's GLTFLoader and the meshopt decoder), twins (every
 * model in shared/sim, their pictures and consoles), charts and videos. Panels, pictures and
 * doors are common and small.
 */
const ModelExhibit = lazyRetry(() => import('./ModelExhibit.js').then((m) => ({ default: m.ModelExhibit })));
const TwinExhibit = lazyRetry(() => import('./TwinExhibit.js').then((m) => ({ default: m.TwinExhibit })));
const ChartExhibit = lazyRetry(() => import('./ChartExhibit.js').then((m) => ({ default: m.ChartExhibit })));
const VideoExhibit = lazyRetry(() => import('./VideoExhibit.js').then((m) => ({ default: m.VideoExhibit })));

/** Any exhibit, drawn in detail by its kind's component (re-rendered only when it changes). */
export const ExhibitView = memo(function ExhibitView({ exhibit }: ExhibitProps) {
  switch (exhibit.content.kind) {
    case 'panel': return <PanelExhibit exhibit={exhibit} />;
    case 'image': return <ImageExhibit exhibit={exhibit} />;
    case 'video': return <LazyPart><VideoExhibit exhibit={exhibit} /></LazyPart>;
    case 'model': return <LazyPart><ModelExhibit exhibit={exhibit} /></LazyPart>;
    case 'chart': return <LazyPart><ChartExhibit exhibit={exhibit} /></LazyPart>;
    case 'portal': return <PortalExhibit exhibit={exhibit} />;
    case 'twin': return <LazyPart><TwinExhibit exhibit={exhibit} /></LazyPart>;
  }
});
