import { useEffect, useId, useRef, useState } from 'react';
import type { AssetKind, AssetRef } from '../../../shared/exhibits/exhibit.js';
import { ApiCallError } from '../../../shared/protocol/apiClient.js';
import { apiOrigin } from '../../net/spaces.js';
import { uploadAsset } from '../../net/editor.js';
import { FormError } from '../FormError.js';

export interface AssetFieldProps {
  label: string;
  kind: AssetKind;
  /** The file picker's filter (the server checks the content itself). */
  accept: string;
  value: AssetRef | null;
  onChange: (value: AssetRef | null) => void;
  hint?: string;
  /** The file may be taken away again (captions). */
  removable?: boolean;
}

const TYPE_NAME: Record<string, string> = {
  'image/png': 'PNG image', 'image/jpeg': 'JPEG image', 'image/webp': 'WebP image',
  'video/mp4': 'MP4 video', 'video/webm': 'WebM video', 'text/vtt': 'WebVTT captions', 'model/gltf-binary': 'glTF model',
};

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A file of an exhibit: what is set now (a thumbnail for images), a picker that uploads the
 * chosen file with its progress, and the server's sentence if it refuses it. Once stored, the
 * exhibit is changed to use it.
 */
export function AssetField({ label, kind, accept, value, onChange, hint, removable }: AssetFieldProps) {
  const inputId = useId();
  const hintId = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<{ sha256: string; name: string; size: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setProgress(0);
    try {
      const asset = await uploadAsset(file, kind, setProgress, controller.signal);
      setUploaded({ sha256: asset.sha256, name: asset.name || file.name, size: asset.size });
      onChange({ sha256: asset.sha256, type: asset.type });
    } catch (err) {
      if (controller.signal.aborted) return;
      setError(err instanceof ApiCallError ? err.message : 'The upload failed. Please try again.');
    } finally {
      if (abort.current === controller) {
        abort.current = null;
        setProgress(null);
      }
    }
  };

  const about = uploaded && value && uploaded.sha256 === value.sha256 ? uploaded : null;
  return (
    <div className="field asset-field">
      <span className="field-label">{label}</span>
      {value ? (
        <div className="asset-current">
          {kind === 'image' && <img src={`${apiOrigin()}/api/assets/${value.sha256}`} alt="" className="asset-thumb" />}
          <span className="asset-name">
            {about ? `${about.name} · ${sizeText(about.size)}` : TYPE_NAME[value.type] ?? value.type}
          </span>
        </div>
      ) : (
        <p className="asset-missing">No file yet.</p>
      )}
      <div className="button-row">
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept={accept}
          aria-label={`${value ? 'Replace' : 'Choose'} the ${label.toLowerCase()}`}
          disabled={progress !== null}
          aria-describedby={hint ? hintId : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            void pick(file);
          }}
        />
        <label className={progress === null ? 'file-button' : 'file-button busy'} htmlFor={inputId}>
          {value ? 'Replace file…' : 'Choose file…'}
        </label>
        {progress !== null && (
          <button type="button" className="small secondary" onClick={() => abort.current?.abort()}>Cancel</button>
        )}
        {removable && value && progress === null && (
          <button type="button" className="small secondary" onClick={() => onChange(null)}>Remove</button>
        )}
      </div>
      {progress !== null && (
        <div className="upload-progress">
          <progress max={1} value={progress} aria-label={`Uploading ${label.toLowerCase()}`} />
          <span className="muted">{Math.round(progress * 100)}%</span>
        </div>
      )}
      {hint && <p id={hintId} className="hint">{hint}</p>}
      <FormError message={error} />
    </div>
  );
}
