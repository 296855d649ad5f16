// troika-three-text (used by drei's <Text>) ships no types at its package entry; only this is used.
declare module 'troika-three-text' {
  export function configureTextBuilder(config: {
    defaultFontURL?: string | null;
    unicodeFontsURL?: string | null;
    useWorker?: boolean;
    sdfGlyphSize?: number;
  }): void;
}
