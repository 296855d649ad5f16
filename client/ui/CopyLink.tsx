import { useState } from 'react';

/** The host of a link, shown beside it (empty for an address that does not parse). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** A button that copies a link; where the clipboard is not available, shows it to copy by hand. */
export function CopyLink({ link, label, fieldLabel, className }: { link: string; label: string; fieldLabel: string; className?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const copy = () => {
    if (!navigator.clipboard) {
      setState('manual');
      return;
    }
    navigator.clipboard.writeText(link).then(() => setState('copied'), () => setState('manual'));
  };
  return (
    <div className={className ? `exhibit-share ${className}` : 'exhibit-share'}>
      <button type="button" className="secondary" onClick={copy}>{label}</button>
      <span role="status" className="ok">{state === 'copied' ? 'Link copied.' : ''}</span>
      {state === 'manual' && <input readOnly value={link} aria-label={fieldLabel} onFocus={(e) => e.currentTarget.select()} autoFocus />}
    </div>
  );
}
