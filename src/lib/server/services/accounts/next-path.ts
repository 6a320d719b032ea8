/**
 * Where to send the browser after signing in: only a path on this site. `next` is parsed against
 * the site's origin the way a browser would read it, and refused when it lands anywhere else
 * ("//evil", "/\evil", "/\t/evil", "https://evil", "javascript:…"). The answer is the parsed
 * path, so what the browser follows is exactly what was checked.
 */

/** Longest `next` kept; anything longer goes to the start page. */
export const MAX_NEXT_LENGTH = 2000;

/** True when `next` holds a control character (CR, LF, tab …), which no address of ours has. */
export const hasControlCharacter = (next: string | null | undefined): boolean =>
  // eslint-disable-next-line no-control-regex
  !!next && /[\u0000-\u001f\u007f]/.test(next);

/** The same-origin path for `next`, or "/" when it is missing, too long or points elsewhere. */
export function safeNext(next: string | null | undefined, origin: string): string {
  if (!next || next.length > MAX_NEXT_LENGTH || !next.startsWith('/')) return '/';
  if (hasControlCharacter(next) || next.includes('\\')) return '/';
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(next, base);
  } catch {
    return '/';
  }
  if (url.origin !== base.origin || url.username || url.password) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil" parses to the path "//evil", which a browser would read as another host.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  return path;
}
