// The public portal (portal.html): finding a service, no login. A bundle of its own, so a visitor
// never downloads the staff app; no cookie, no storage, no service worker.
// The language is the first segment of the path (/it, /ar/services/...); "/" picks the browser's
// language among the six (else Italian) and moves to its prefix.
import { render } from 'preact';
import './portal.scss';
import { isPortalLang, isRtl, loadLanguage, type PortalLang } from './i18n';
import { Portal } from './Portal';

function browserLanguage(): PortalLang {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const code = tag.slice(0, 2).toLowerCase();
    if (isPortalLang(code)) return code;
  }
  return 'it';
}

/**
 * The build leaves the stylesheet as <meta name="innet-stylesheet"> (vite.config.ts,
 * portalStylesheet()), so that a right-to-left page fetches only its mirrored twin; it is linked
 * here, and the page is drawn once it has arrived.
 */
function linkStylesheet(rtl: boolean): Promise<void> {
  const href = document.querySelector<HTMLMetaElement>('meta[name="innet-stylesheet"]')?.content;
  if (!href) return Promise.resolve(); // dev server: Vite injects the styles
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = rtl ? href.replace(/\.css$/, '.rtl.css') : href;
  return new Promise((resolve) => {
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
}

async function start(): Promise<void> {
  const first = window.location.pathname.split('/')[1];
  let lang: PortalLang;
  if (isPortalLang(first)) lang = first;
  else {
    lang = browserLanguage();
    window.history.replaceState(null, '', `/${lang}${window.location.search}`);
  }
  const root = document.documentElement;
  root.lang = lang;
  root.dir = isRtl(lang) ? 'rtl' : 'ltr';
  await Promise.all([loadLanguage(lang), linkStylesheet(isRtl(lang))]);
  render(<Portal lang={lang} />, document.getElementById('portal')!);
}

void start();
