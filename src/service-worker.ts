/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * Makes /logga and a walk's staff page (/avtal/[id]/vandringar/[walkId], issue 18) open without a
 * network: the app's built files are kept at install, and those pages (and their __data.json) are
 * kept each time they load (network first, the kept copy only when offline). Activities and
 * observations recorded offline wait in the page's queue (src/lib/offline-queue.ts).
 *
 * /logga registers it with scope /logga; a walk page registers it with scope / so that it also
 * sees signing out and in. Outside the kept pages it answers nothing, so every other page behaves
 * as without it. Only GET is ever answered from the cache. Kept pages never outlive a session: a
 * page that now redirects or is refused (signed out, no longer allowed) is removed, and signing
 * out or in (POST /logga-ut, /logga-in) removes them all, so the next person on the phone never
 * sees the last one's pages.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const ASSETS = `loften-assets-${version}`;
const PAGES = 'loften-logga';
/** The signed-in person's pages that are kept: the logging form, a walk's staff page, their data. */
const KEPT = [/^\/logga(\/__data\.json)?$/, /^\/avtal\/[^/]+\/vandringar\/[^/]+(\/__data\.json)?$/];
const isKept = (pathname: string) => KEPT.some((k) => k.test(pathname));
/** Signing out or in: every kept page goes. */
const SESSION_CHANGES = new Set(['/logga-ut', '/logga-in']);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const assets = await caches.open(ASSETS);
      await assets.addAll([...build, ...files]);
      // The page that registered this worker: kept now, so the very next offline visit opens.
      const open = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const urls = open.map((c) => new URL(c.url)).filter((u) => u.origin === sw.location.origin);
      if (new URL(sw.registration.scope).pathname === '/logga')
        urls.push(new URL('/logga', sw.location.origin));
      for (const url of new Set(urls.filter((u) => isKept(u.pathname)).map((u) => u.pathname)))
        await keep(new Request(url, { credentials: 'same-origin' })).catch(() => undefined);
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
  else if (
    response.type === 'opaqueredirect' ||
    response.redirected ||
    [401, 403, 404, 410].includes(response.status)
  )
    await pages.delete(key);
  return response;
}

/** One copy per path: the form's query (?klar=…) does not make another. */
const keyOf = (request: Request) => new URL(request.url).pathname;

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.method === 'POST' && SESSION_CHANGES.has(url.pathname)) {
    // Answered by the network as always; the kept pages of whoever was signed in go meanwhile.
    event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (request.method !== 'GET') return;
  const asset = build.includes(url.pathname) || files.includes(url.pathname);
  if (asset) {
    event.respondWith((async () => (await caches.match(url.pathname)) ?? fetch(request))());
    return;
  }
  if (!isKept(url.pathname)) return;
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
