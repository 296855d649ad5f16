import { useEffect, useState } from 'react';

/** Phone widths: the layout the max-width: 600px block of styles.css draws. */
export const NARROW = '(max-width: 600px)';

/** Whether the window is phone-narrow now (follows rotation and resizing). */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const follow = () => setNarrow(query.matches);
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return narrow;
}
