import { useEffect, useState } from 'react';

/**
 * An object URL for text made in the page (a CSV of links or codes), for an `<a download>`:
 * made when the text changes, revoked when it changes again or the component goes. Nothing is
 * sent anywhere: the file is built from what the server answered this once.
 */
export function useFileUrl(text: string | null, type = 'text/csv;charset=utf-8'): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (text === null) {
      setUrl(null);
      return undefined;
    }
    const made = URL.createObjectURL(new Blob([text], { type }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [text, type]);
  return url;
}
