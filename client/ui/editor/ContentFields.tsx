import type { ContentOf, ExhibitContent } from '../../../shared/exhibits/exhibit.js';
import { AssetField } from './AssetField.js';
import { ChartFields } from './ChartFields.js';
import { PanelFields } from './PanelFields.js';
import { PortalFields } from './PortalFields.js';
import { TwinFields } from './TwinFields.js';

/** The part of the inspector that depends on the kind of exhibit. */
export function ContentFields({ content, onCommit }: { content: ExhibitContent; onCommit: (change: (c: ExhibitContent) => ExhibitContent) => void }) {
  /** A change to this kind's content (the freshest one it is applied to is of the same kind). */
  const change = <K extends ExhibitContent['kind']>(kind: K, f: (c: ContentOf<K>) => ContentOf<K>) =>
    onCommit((c) => (c.kind === kind ? f(c as ContentOf<K>) : c));
  switch (content.kind) {
    case 'panel':
      return <PanelFields content={content} onCommit={(f) => change('panel', f)} />;
    case 'image':
      return (
        <AssetField
          label="Image file"
          kind="image"
          accept="image/png,image/jpeg,image/webp"
          value={content.image}
          onChange={(image) => change('image', (c) => ({ ...c, image }))}
          hint="PNG, JPEG or WebP."
        />
      );
    case 'video':
      return (
        <>
          <AssetField
            label="Video file"
            kind="video"
            accept="video/mp4,video/webm"
            value={content.video}
            onChange={(video) => change('video', (c) => ({ ...c, video }))}
            hint="MP4 or WebM. Visitors start it with a click."
          />
          <AssetField
            label="Captions"
            kind="captions"
            accept=".vtt,text/vtt"
            value={content.captions}
            onChange={(captions) => change('video', (c) => ({ ...c, captions }))}
            hint="Optional: a WebVTT (.vtt) file."
            removable
          />
        </>
      );
    case 'model':
      return (
        <AssetField
          label="Model file"
          kind="model"
          accept=".glb,model/gltf-binary"
          value={content.model}
          onChange={(model) => change('model', (c) => ({ ...c, model }))}
          hint="A binary glTF (.glb) file."
        />
      );
    case 'chart':
      return <ChartFields content={content} onCommit={(f) => change('chart', f)} />;
    case 'portal':
      return <PortalFields content={content} onCommit={(f) => change('portal', f)} />;
    case 'twin':
      return <TwinFields content={content} onCommit={(f) => change('twin', f)} />;
  }
}
