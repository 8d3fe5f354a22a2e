// Right-to-left support. The build emits, for the app stylesheet `x.css`, a mirrored twin
// `x.rtl.css` (rtlcss, see vite.config.ts). Switching direction swaps the two <link>s: the new
// one is loaded first and the old one removed only when it has arrived, so nothing flashes.

let pending: HTMLLinkElement | null = null;

function appStylesheets(): HTMLLinkElement[] {
  return Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')).filter((l) =>
    /\/assets\/[^/]+\.css$/.test(new URL(l.href, location.href).pathname),
  );
}

/** Resolves once the stylesheet for `dir` is in use (at once if it already is). */
export function applyDirection(dir: 'ltr' | 'rtl'): Promise<void> {
  const root = document.documentElement;
  if (pending) {
    pending.remove(); // a switch still loading is superseded by this one
    pending = null;
  }
  const links = appStylesheets();
  const current = links[links.length - 1];
  if (!current) {
    root.dir = dir; // dev server: Vite injects the styles, there is no mirrored file
    return Promise.resolve();
  }
  const path = new URL(current.href, location.href).pathname;
  const isRtl = path.endsWith('.rtl.css');
  if ((dir === 'rtl') === isRtl) {
    root.dir = dir;
    return Promise.resolve();
  }
  const target = dir === 'rtl' ? path.replace(/\.css$/, '.rtl.css') : path.replace(/\.rtl\.css$/, '.css');
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = target;
  pending = link;
  return new Promise((resolve) => {
    // The direction flips together with the stylesheet, so the layout is never half mirrored.
    const done = () => {
      resolve();
      if (pending !== link) return;
      pending = null;
      root.dir = dir;
      for (const old of appStylesheets()) if (old !== link) old.remove();
    };
    link.addEventListener('load', done);
    link.addEventListener('error', done);
    window.setTimeout(() => {
      if (pending === link) root.dir = dir; // stylesheet slow: flip anyway, styles will follow
      resolve();
    }, 3000);
    current.after(link);
  });
}
