/** Pages of the single-page client (Express 5 path syntax); each serves index.html. */
export const PAGES = ['/', '/s/{*rest}', '/login', '/account', '/admin', '/invite/{*rest}', '/events', '/events/{*rest}'] as const;
