// Right-to-left support. The build emits, for the app stylesheet `x.css`, a mirrored twin
// `x.rtl.css` (rtlcss, see vite.config.ts). Switching direction swaps the two <link>s: the new
// one is loaded first and the old one removed only when it has arrived, so nothing flashes.

let pending: HTMLLinkElement | null = null;

function appStylesheets(): HTMLLinkElement[] {
  return Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')).filter((l) =>
    /\/assets\/[^/]+\.css$/.test(new URL(l.href, location.href).pathname),
  );
}

export function applyDirection(dir: 'ltr' | 'rtl'): void {
  document.documentElement.dir = dir;
  const links = appStylesheets();
  const current = links[links.length - 1];
  if (!current) return; // dev server: styles are injected by Vite, no mirrored file exists
  const path = new URL(current.href, location.href).pathname;
  const isRtl = path.endsWith('.rtl.css');
  if ((dir === 'rtl') === isRtl) return;
  const target = dir === 'rtl' ? path.replace(/\.css$/, '.rtl.css') : path.replace(/\.rtl\.css$/, '.css');
  if (pending) pending.remove();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = target;
  pending = link;
  const done = () => {
    if (pending !== link) return;
    pending = null;
    for (const old of appStylesheets()) if (old !== link) old.remove();
  };
  link.addEventListener('load', done);
  link.addEventListener('error', done);
  current.after(link);
}
