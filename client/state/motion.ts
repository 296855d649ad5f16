/**
 * The visitor's motion preference (prefers-reduced-motion), kept current as they change it.
 * Plain mutable state: the scene reads it every frame (no camera easing, no pulsing when set).
 */
export const motion = { reduced: false };

const query = typeof window !== 'undefined' && typeof window.matchMedia === 'function'
  ? window.matchMedia('(prefers-reduced-motion: reduce)')
  : null;
if (query) {
  motion.reduced = query.matches;
  query.addEventListener('change', (e) => { motion.reduced = e.matches; });
}
