import interRegular from '@fontsource/inter/files/inter-latin-400-normal.woff?url';
import interBold from '@fontsource/inter/files/inter-latin-700-normal.woff?url';
import { configureTextBuilder } from 'troika-three-text';

/**
 * The one font 3D text uses, bundled with the app. troika (behind drei's <Text>) would otherwise
 * fall back to fetching Roboto and unicode fonts from public CDNs; point both at our own origin.
 */
export const SIGN_FONT = interBold;
/** Running text in the world (exhibit summaries, captions): the same family, regular weight. */
export const BODY_FONT = interRegular;

configureTextBuilder({
  defaultFontURL: interBold,
  unicodeFontsURL: new URL('/fonts/unicode/', location.origin).href,
  // Typeset on the main thread: a handful of signs, and no blob: worker for a strict CSP to refuse.
  useWorker: false,
});
