import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { describeNotice } from '$lib/server/services/accounts/first-start.service';
import { resolveSession } from '$lib/server/services/accounts/auth.service';
import { resolveApiToken } from '$lib/server/services/accounts/token.service';
import { log } from '$lib/server/log';
import { pickLang } from '$lib/i18n';
import { dev, version } from '$app/environment';
import { cachedResponse, isCacheable } from '$lib/server/services/publication/public-cache.service';
import { compressResponse } from '$lib/server/services/publication/compression';
import { isCrossSiteForm } from '$lib/server/services/publication/subscription-origin';
import { noteLocalChange } from '$lib/server/services/shared/local-changes';
import { withMapCsp } from '$lib/server/services/publication/map-tiles.service';
import {
  API_CORS,
  apiAnswer,
  apiError,
  declaresTooLarge,
  describeFailure,
  isApiPath,
  tooLargeMessage
} from '$lib/server/services/publication/http-errors';

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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const handle: Handle = async ({ event, resolve }) => {
  // SvelteKit's cross-site form check, here so that RFC 8058 one-click unsubscribe may pass
  // (svelte.config.js turns the built-in one off; like it, off in development).
  if (!dev && isCrossSiteForm(event.request, event.url))
    return new Response(`Cross-site ${event.request.method} form submissions are forbidden`, {
      status: 403
    });
  // `?/default` names SvelteKit's reserved action: it throws a plain Error (a 500). A crafted
  // address is the client's mistake: say so.
  if (event.request.method === 'POST' && event.url.searchParams.has('/default'))
    error(
      400,
      'Formulärets adress är fel: åtgärden ”default” finns inte. Skicka formuläret från sidan.'
    );
  const { ctx } = await getApp();
  event.locals.ctx = ctx;
  const api = isApiPath(event.url.pathname);
  // A body over the limit is refused before anything reads it: a 413 that says so, logged as a
  // client error (the Node adapter's own BODY_SIZE_LIMIT check ends in handleError, below).
  const limit = ctx.config.bodySizeLimit;
  if (declaresTooLarge(event.request, limit)) {
    log('warn', 'request.rejected', { path: event.route.id ?? 'unknown', status: 413 });
    if (api) return apiError(413, 'too-large', tooLargeMessage(limit));
    error(413, tooLargeMessage(limit));
  }
  // PostgreSQL refuses text with a NUL character, and no record has one in its address: 404.
  if (Object.values(event.params).some((v) => v?.includes('\u0000'))) {
    if (api) return apiError(404, 'not-found', 'Det finns inget med den adressen.');
    error(404, 'Sidan finns inte.');
  }
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
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'www-authenticate': 'Bearer',
            ...API_CORS
          }
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
  // The key tells pages from their `__data.json`, ignores parameters the page does not read, and
  // the ETag is a hash of what the public sees (see public-cache.service.ts).
  let response = isCacheable(event.request, event.url, !!event.locals.actor)
    ? await cachedResponse(ctx, event.request, event.url, `${event.locals.lang}-${version}`, render)
    : await render();
  // A write on this server (a form or an API call) may have changed a public page: the next
  // public request here looks at the change trail at once (writes that seal their audit entry
  // note it themselves; this covers the ones written straight into the chain).
  if (!SAFE_METHODS.has(event.request.method)) noteLocalChange(ctx.db);
  if (api) response = await apiAnswer(event.request, response);
  // HTML, JSON, CSV, XML and ICS are compressed when the client accepts it (Vary: Accept-Encoding).
  response = await compressResponse(event.request, response);
  // A walk page with a map may load its municipality's map tiles, and only those (CSP img-src).
  response = await withMapCsp(ctx, event.url, response);
  const type = response.headers.get('content-type');
  if (type && /^text\/html\s*$/i.test(type))
    response.headers.set('content-type', 'text/html; charset=utf-8');
  response.headers.set('X-Content-Type-Options', 'nosniff');
  // A page that holds a secret in its address sets a stricter one of its own (owner links).
  if (!response.headers.has('Referrer-Policy'))
    response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  response.headers.set('X-Frame-Options', 'DENY');
  // A walk's staff page may ask the phone for its position (issue 18); no other page may.
  const position = /^\/avtal\/[^/]+\/vandringar\/[^/]+$/.test(event.url.pathname) ? '(self)' : '()';
  response.headers.set('Permissions-Policy', `camera=(), microphone=(), geolocation=${position}`);
  response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (event.url.protocol === 'https:') {
    response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  }
  return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  // Client errors (a malformed address, a body over the limit, a wrong method …) are the client's
  // to fix: the page says what was wrong, and the log records a client error, not a server error.
  const id = crypto.randomUUID();
  const failure = describeFailure(status, event.request.method, error, message, id);
  if (failure.log)
    log(failure.log.level, failure.log.event, {
      id,
      path: event.route.id ?? 'unknown',
      status,
      error: error instanceof Error ? error.message : String(error)
    });
  return { message: failure.message };
};
