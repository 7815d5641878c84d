// Keeps the app's own files (the page, its scripts, styles and fonts) so the workspace
// opens while offline. The record is not here: it lives in IndexedDB, and the API and the
// sync socket always go to the network.

interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

/**
 * Every script and style of the build, named by vite.config.ts when it writes this file:
 * the views, the console and the catalogs that the first screen leaves for later are kept
 * too, so that what a delegate opens while offline is here (undefined in development).
 */
declare const __ACCORD_BUILT_ASSETS__: readonly string[] | undefined;

const worker = self as unknown as WorkerScope;
const SHELL = 'accord-shell-v1';
const PAGE = '/index.html';

worker.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== SHELL).map((n) => caches.delete(n))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync/') || url.pathname === '/healthz') return;
  if (request.mode === 'navigate') {
    event.respondWith(fromNetworkElsePage(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(fromCacheElseNetwork(request));
  }
});

/** The page and every file it names (scripts, styles, and the fonts the styles name), and every other script and style of the build. */
async function precache(): Promise<void> {
  const cache = await caches.open(SHELL);
  const page = await fetch(PAGE, { cache: 'no-cache' });
  if (!page.ok) return;
  const html = await page.clone().text();
  await cache.put(PAGE, page);
  const assets = new Set(assetsIn(html));
  for (const style of [...assets].filter((a) => a.endsWith('.css'))) {
    const css = await fetch(style).then((r) => (r.ok ? r.text() : ''));
    for (const font of assetsIn(css)) if (font.endsWith('.woff2')) assets.add(font);
  }
  for (const asset of typeof __ACCORD_BUILT_ASSETS__ === 'undefined' ? [] : __ACCORD_BUILT_ASSETS__) assets.add(asset);
  await cache.addAll([...assets]);
}

function assetsIn(text: string): string[] {
  return [...text.matchAll(/\/assets\/[A-Za-z0-9._-]+/g)].map((m) => m[0]);
}

async function fromNetworkElsePage(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    // Every client route is the same page: keep the newest for the next offline start.
    if (response.ok && response.headers.get('content-type')?.startsWith('text/html')) {
      const cache = await caches.open(SHELL);
      await cache.put(PAGE, response.clone());
    }
    return response;
  } catch (err) {
    const page = await caches.match(PAGE);
    if (page) return page;
    throw err;
  }
}

// Files under /assets/ carry a hash of their content in the name: a cached one is never stale.
async function fromCacheElseNetwork(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL);
    await cache.put(request, response.clone());
  }
  return response;
}
