import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { describeNotice } from '$lib/server/services/accounts/first-start.service';
import { resolveSession } from '$lib/server/services/accounts/auth.service';
import { resolveApiToken } from '$lib/server/services/accounts/token.service';
import { log } from '$lib/server/log';
import { pickLang } from '$lib/i18n';
import { version } from '$app/environment';
import { cachedResponse, isCacheable } from '$lib/server/services/publication/public-cache.service';
import { compressResponse } from '$lib/server/services/publication/compression';
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

export const handle: Handle = async ({ event, resolve }) => {
  const { ctx } = await getApp();
  const api = isApiPath(event.url.pathname);
  // A body over the limit is refused before anything reads it: a 413 that says so, logged as a
  // client error (the Node adapter's own BODY_SIZE_LIMIT check ends in handleError, below).
  const limit = ctx.config.bodySizeLimit;
  if (declaresTooLarge(event.request, limit)) {
    log('warn', 'request.rejected', { path: event.route.id ?? 'unknown', status: 413 });
    if (api) return apiError(413, 'too-large', tooLargeMessage(limit));
    error(413, tooLargeMessage(limit));
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
  if (api) response = await apiAnswer(event.request, response);
  // HTML, JSON, CSV, XML and ICS are compressed when the client accepts it (Vary: Accept-Encoding).
  response = await compressResponse(event.request, response);
  const type = response.headers.get('content-type');
  if (type && /^text\/html\s*$/i.test(type))
    response.headers.set('content-type', 'text/html; charset=utf-8');
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
