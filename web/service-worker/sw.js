// The service worker of the web app (decision 0029): the app shell and the built assets are kept
// in a cache, so that a page that works without a network (the inspection page, which keeps its
// inspection and the answers and photos waiting on the device) reloads with none. The API's
// answers are never cached here: they name people and change; a page keeps what it needs itself.
// The build (vite.config.ts, serviceWorker()) replaces the two placeholders: the version (a hash
// of the files) and the files to keep. A new build is a new cache; the old one is deleted once
// the new worker takes over.
const VERSION = '__INNET_VERSION__';
const FILES = __INNET_FILES__;
const CACHE = `innet-app-${VERSION}`;
const SHELL = '/index.html';
const PORTAL_PAGE = /^\/(?:(?:it|en|fr|ar|uk|bn)(?:\/.*)?|portal\.html)?$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // cache: 'reload' skips the HTTP cache: the files of this build, as the server has them.
      .then((cache) => cache.addAll([SHELL, ...FILES].map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('innet-app-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Not ours, or the API (never cached; the browser goes to the network as without a worker).
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  // The public portal ("/" and the language prefixes, web/portal.html) is another app with no
  // worker: its pages go to the network as without one, never to the staff app's shell.
  if (request.mode === 'navigate' && PORTAL_PAGE.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    // A page: the network first (a new build is seen at once), the shell kept when there is none.
    event.respondWith(fetch(request).catch(() => caches.match(SHELL, { cacheName: CACHE }).then((r) => r ?? Response.error())));
    return;
  }
  // The built files have a hash in their names: the kept copy is the right one.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((kept) => kept ?? fetch(request)));
});
