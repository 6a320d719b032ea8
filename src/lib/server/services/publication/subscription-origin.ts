/** Content types a browser form can send cross-site without asking (SvelteKit's list). */
const FORM_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
  'application/x-sveltekit-formdata'
];
const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Paths a form may be posted to from anywhere: RFC 8058 one-click unsubscribe, which mail
 * programs post from their own servers without an Origin header. The HMAC token in the address
 * is what authorises it; no session or cookie is used, so a cross-site post can do no harm.
 */
const ONE_CLICK = new Set(['/prenumeration/avsluta']);

/**
 * SvelteKit's cross-site form check (turned off in svelte.config.js with trustedOrigins ['*'] so this
 * one can make the exception above): an unsafe method with a form body whose Origin is not the
 * site's own is refused.
 */
export function isCrossSiteForm(request: Request, url: URL): boolean {
  if (!UNSAFE.includes(request.method)) return false;
  const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (!FORM_TYPES.includes(type)) return false;
  if (request.headers.get('origin') === url.origin) return false;
  return !ONE_CLICK.has(url.pathname);
}
