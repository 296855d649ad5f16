import interRegular from '@fontsource/inter/files/inter-latin-400-normal.woff?url';
import interBold from '@fontsource/inter/files/inter-latin-700-normal.woff?url';

/**
 * The font 3D text uses, bundled with the app: Inter's Latin subset. troika (behind drei's
 * <Text>) looks up any character it lacks (ŵ, ŷ, ę, Cyrillic, Greek, ...) through a unicode font
 * resolver: pointed at the app's own /fonts/unicode (server/http/fontFallback.ts), which offers
 * Inter's other subsets and never a public CDN (troika's default, which it also retries when the
 * given address fails).
 */
export const SIGN_FONT = interBold;
/** Running text in the world (exhibit summaries, captions): the same family, regular weight. */
export const BODY_FONT = interRegular;
