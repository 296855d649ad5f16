/** The space a bare link (/) opens. Its own module so the client does not bundle the seed layouts. */
export const DEFAULT_SPACE = 'plaza';
