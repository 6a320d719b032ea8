import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { describeNotice } from '$lib/server/services/accounts/first-start.service';
import { resolveSession } from '$lib/server/services/accounts/auth.service';
import { resolveApiToken } from '$lib/server/services/accounts/token.service';
import { log } from '$lib/server/log';
import { pickLang } from '$lib/i18n';
import { version } from '$app/environment';
import { cachedResponse, isCacheable } from '$lib/server/services/publication/public-cache.service';

export const SESSION_COOKIE = 'loften_session';

export const init: ServerInit = async () => {
  let app;
  try {
    app = await getApp();
  } catch (e) {
    // A wrong setting or an unreachable database stops start-up with one line, not a stack trace.
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  const base = app.ctx.config.origin ?? `http://localhost:${app.ctx.config.port}`;
  for (const line of describeNotice(app.notice, base)) console.log(line);
};

export const handle: Handle = async ({ event, resolve }) => {
  const { ctx } = await getApp();
  const asked = event.url.searchParams.get('lang');
  event.locals.lang = pickLang(asked ?? event.cookies.get('lang'));
  if (asked)
    event.cookies.set('lang', event.locals.lang, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      maxAge: 31_536_000
    });
  event.locals.actor = null;
  event.locals.sessionSecret = undefined;

  const auth = event.request.headers.get('authorization');
  if (auth?.startsWith('Bearer ') && event.url.pathname.startsWith('/api/')) {
    event.locals.actor = await resolveApiToken(ctx, auth.slice(7).trim());
    // A token that was sent but is unknown or revoked is refused, never treated as anonymous.
    if (!event.locals.actor) {
      return new Response(
        JSON.stringify({
          error: 'unauthenticated',
          message: 'API-nyckeln är okänd eller återkallad.'
        }),
        {
          status: 401,
          headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }
        }
      );
    }
  } else {
    const secret = event.cookies.get(SESSION_COOKIE);
    const session = await resolveSession(ctx, secret);
    if (session) {
      event.locals.actor = session.actor;
      event.locals.sessionSecret = secret;
    } else if (secret) {
      event.cookies.delete(SESSION_COOKIE, { path: '/' });
    }
  }

  const render = () =>
    resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', 'sv') });
  // Public pages are answered from a render cache keyed by the database's data version (ETag, 304).
  const response = isCacheable(event.request, event.url, !!event.locals.actor)
    ? await cachedResponse(ctx, event.request, event.url, `${event.locals.lang}-${version}`, render)
    : await render();
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (event.url.protocol === 'https:') {
    response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  }
  return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
  const id = crypto.randomUUID();
  if (status !== 404) {
    log('error', 'request.failed', {
      id,
      path: event.route.id ?? 'unknown',
      status,
      error: error instanceof Error ? error.message : String(error)
    });
  }
  return {
    message:
      status === 404
        ? 'Sidan finns inte. / Page not found.'
        : `Något gick fel hos oss. Försök igen om en stund. (felkod ${id.slice(0, 8)})`
  };
};
