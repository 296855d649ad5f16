import { memo } from 'react';
import { ChartExhibit } from './ChartExhibit.js';
import type { ExhibitProps } from './ExhibitGroup.js';
import { ImageExhibit } from './ImageExhibit.js';
import { ModelExhibit } from './ModelExhibit.js';
import { PanelExhibit } from './PanelExhibit.js';
import { PortalExhibit } from './PortalExhibit.js';
import { TwinExhibit } from './TwinExhibit.js';
import { VideoExhibit } from './VideoExhibit.js';

/** Any exhibit, drawn in detail by its kind's component (re-rendered only when it changes). */
export const ExhibitView = memo(function ExhibitView({ exhibit }: ExhibitProps) {
  switch (exhibit.content.kind) {
    case 'panel': return <PanelExhibit exhibit={exhibit} />;
    case 'image': return <ImageExhibit exhibit={exhibit} />;
    case 'video': return <VideoExhibit exhibit={exhibit} />;
    case 'model': return <ModelExhibit exhibit={exhibit} />;
    case 'chart': return <ChartExhibit exhibit={exhibit} />;
    case 'portal': return <PortalExhibit exhibit={exhibit} />;
    case 'twin': return <TwinExhibit exhibit={exhibit} />;
  }
});
