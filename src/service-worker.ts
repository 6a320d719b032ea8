/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * Makes /logga open without a network: the app's built files are kept at install, and the logging
 * page with the reporter's measures is kept each time it loads (network first, the kept copy when
 * offline). Activities logged offline wait in the page's queue (src/lib/offline-queue.ts), as before.
 *
 * Registered by /logga only, with scope /logga; outside /logga and /logga/__data.json it answers
 * nothing, so public pages and everyone else's pages behave as without it. Only GET is ever
 * answered from the cache; a page that now redirects (signed out) is removed from it.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const ASSETS = `loften-assets-${version}`;
const PAGES = 'loften-logga';
/** The reporter's own pages that are kept: the logging form and its data (the measures). */
const KEPT = new Set(['/logga', '/logga/__data.json']);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const assets = await caches.open(ASSETS);
      await assets.addAll([...build, ...files]);
      // The page that registered this worker: kept now, so the very next offline visit opens.
      await keep(new Request('/logga', { credentials: 'same-origin' })).catch(() => undefined);
      await sw.skipWaiting();
    })()
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys())
        if (key.startsWith('loften-assets-') && key !== ASSETS) await caches.delete(key);
      await sw.clients.claim();
    })()
  );
});

/** Fetches a kept page from the network and keeps the answer; a redirect (signed out) removes the copy. */
async function keep(request: Request): Promise<Response> {
  const response = await fetch(request);
  const pages = await caches.open(PAGES);
  const key = keyOf(request);
  if (response.status === 200 && !response.redirected) await pages.put(key, response.clone());
  else if (response.type === 'opaqueredirect' || response.redirected || response.status === 401)
    await pages.delete(key);
  return response;
}

/** One copy per path: the form's query (?klar=…) does not make another. */
const keyOf = (request: Request) => new URL(request.url).pathname;

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  const asset = build.includes(url.pathname) || files.includes(url.pathname);
  if (asset) {
    event.respondWith((async () => (await caches.match(url.pathname)) ?? fetch(request))());
    return;
  }
  if (!KEPT.has(url.pathname)) return;
  event.respondWith(
    (async () => {
      try {
        return await keep(request);
      } catch {
        const kept = await (await caches.open(PAGES)).match(keyOf(request));
        if (kept) return kept;
        return new Response('Ingen anslutning, och sidan finns inte sparad på enheten än.', {
          status: 503,
          headers: { 'content-type': 'text/plain; charset=utf-8' }
        });
      }
    })()
  );
});
