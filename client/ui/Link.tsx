import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../navigation.js';

/**
 * A link to another page of this app: a real <a href> (open in a new tab, copy the address),
 * followed without a reload on a plain click.
 */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
