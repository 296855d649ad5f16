import { configureTextBuilder } from 'troika-three-text';
import { SIGN_FONT } from './fonts.js';

/**
 * troika's setup, run once when 3D text is first needed (client/scene/text3d.tsx): its default
 * font is the app's own, its unicode fallback is the app's /fonts/unicode (never a public CDN).
 */
configureTextBuilder({
  defaultFontURL: SIGN_FONT,
  unicodeFontsURL: new URL('/fonts/unicode', location.origin).href,
  // Typeset on the main thread: a handful of signs, and no blob: worker for a strict CSP to refuse.
  useWorker: false,
});
