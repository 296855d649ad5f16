import { useEffect, useId, useRef, useState } from 'react';

/** The link of a new invitation (shown only now: the server keeps only its hash), with Copy. */
export function InvitationLink({ url, summary }: { url: string; summary: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const id = useId();
  const hintId = useId();

  useEffect(() => {
    setCopied(null);
    input.current?.focus();
    input.current?.select();
  }, [url]);

  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied.');
    } catch {
      setCopied('Could not copy here: select the link and copy it yourself.');
    }
  };

  return (
    <div className="invite-link">
      <label htmlFor={id}>Invitation link</label>
      <div className="copy-row">
        <input id={id} ref={input} readOnly value={url} aria-describedby={hintId} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => void copy()}>Copy</button>
      </div>
      <p id={hintId} className="hint">
        {summary} Send it to the person you invite; it is shown only now.
      </p>
      <p className="ok" role="status">{copied ?? ''}</p>
    </div>
  );
}
