/** Pages of the single-page client (Express 5 path syntax); each serves index.html. */
export const PAGES = ['/', '/s/{*rest}', '/login', '/account', '/admin', '/invite/{*rest}', '/events', '/events/{*rest}'] as const;

/** Whether a raw (undecoded) path is one of PAGES: a badly encoded page link still gets the page, which says what is wrong with it. */
const PAGE_PATH = /^\/(?:|s\/.+|login|account|admin|invite\/.+|events|events\/.+)\/?$/;

export function isPagePath(path: string): boolean {
  return PAGE_PATH.test(path);
}
