// The portal's frame: skip link, header (name, language, the staff's sign-in, its sections), the
// page, footer.
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from '../lib/router';
import { PORTAL_LANGUAGES, t, type PortalLang } from './i18n';
import { pageFor } from './paths';
import { HomePage } from './pages/HomePage';
import { MissingPage } from './pages/MissingPage';
import { ServicePage } from './pages/ServicePage';
import { ServicesPage } from './pages/ServicesPage';
import { guidesPath, inLanguage, homePath, opportunitiesPath, servicesPath } from './paths';
import { Link } from '../lib/router';
import { OpportunitiesSection } from './opportunities/Section';
import { ProceduresSection } from './procedures/Section';

export function Portal({ lang }: { lang: PortalLang }) {
  const loc = useLocation();
  const page = pageFor(loc.path);
  const pageKey =
    page.kind === 'service' || page.kind === 'opportunity' ? `${page.kind}/${page.id}` : page.kind === 'guide' ? `guide/${page.code}` : page.kind;
  // The section's link is the current page on its list, and marks the section on one of its records.
  const current = (list: 'services' | 'opportunities' | 'guides', record: 'service' | 'opportunity' | 'guide') =>
    page.kind === list ? 'page' : page.kind === record ? 'true' : undefined;

  // After a navigation inside the portal, the focus goes to the new page's heading (not on the
  // first page, where the browser's own start is right). A page drawn once its data or its chunk
  // has arrived has no heading yet: it is focused when it appears (within 10 s).
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = pageKey;
    if (before === null || before === pageKey) return;
    const focusHeading = () => {
      const heading = document.getElementById('main-heading');
      if (!heading) return;
      heading.focus();
      stop();
    };
    const observer = new MutationObserver(focusHeading);
    observer.observe(document.getElementById('main')!, { childList: true, subtree: true });
    const first = window.setTimeout(focusHeading, 0);
    const limit = window.setTimeout(() => stop(), 10_000);
    function stop() {
      observer.disconnect();
      window.clearTimeout(first);
      window.clearTimeout(limit);
    }
    return stop;
  }, [pageKey]);

  return (
    <>
      <div class="skiplinks">
        <a class="visually-hidden-focusable" href="#main">
          {t('a11y.skipToContent')}
        </a>
      </div>
      <header class="portal-header">
        <div class="portal-slim">
          <div class="container d-flex align-items-center justify-content-between gap-2">
            <span class="portal-slim-owner">{t('app.owner')}</span>
            <a class="portal-staff-link" href="/login" data-testid="staff-login">
              {t('app.staffArea')}
            </a>
          </div>
        </div>
        <div class="portal-center">
          <div class="container d-flex align-items-center justify-content-between gap-3 flex-wrap">
            <Link href={homePath(lang)} class="portal-brand">
              <span class="portal-brand-title">{t('app.title')}</span>
              <span class="portal-brand-tagline">{t('app.tagline')}</span>
            </Link>
            <details class="portal-languages" data-testid="portal-languages">
              <summary>
                <span class="visually-hidden">{t('app.language')}: </span>
                {PORTAL_LANGUAGES.find((l) => l.code === lang)!.label}
              </summary>
              <ul class="list-unstyled">
                {PORTAL_LANGUAGES.map((l) => (
                  <li key={l.code}>
                    <a
                      href={inLanguage(l.code, loc.path, window.location.search)}
                      lang={l.code}
                      hrefLang={l.code}
                      dir={l.code === 'ar' ? 'rtl' : 'ltr'}
                      aria-current={l.code === lang ? 'true' : undefined}
                      data-testid={`portal-lang-${l.code}`}
                    >
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
            </details>
          </div>
        </div>
        <nav class="portal-nav" aria-label={t('nav.label')}>
          <div class="container">
            <ul class="list-unstyled mb-0">
              <li>
                <Link href={servicesPath(lang)} aria-current={current('services', 'service')} data-testid="nav-services">
                  {t('nav.services')}
                </Link>
              </li>
              <li>
                <Link href={opportunitiesPath(lang)} aria-current={current('opportunities', 'opportunity')} data-testid="nav-opportunities">
                  {t('nav.opportunities')}
                </Link>
              </li>
              <li>
                <Link href={guidesPath(lang)} aria-current={current('guides', 'guide')} data-testid="nav-guides">
                  {t('nav.guides')}
                </Link>
              </li>
            </ul>
          </div>
        </nav>
      </header>
      <main id="main" tabIndex={-1} class="container py-4 portal-main">
        {page.kind === 'home' ? (
          <HomePage lang={lang} />
        ) : page.kind === 'services' ? (
          <ServicesPage lang={lang} query={loc.query} />
        ) : page.kind === 'service' ? (
          <ServicePage key={page.id} lang={lang} id={page.id} />
        ) : page.kind === 'opportunities' || page.kind === 'opportunity' ? (
          <OpportunitiesSection lang={lang} route={page} query={loc.query} />
        ) : page.kind === 'guides' || page.kind === 'guide' || page.kind === 'status' ? (
          <ProceduresSection lang={lang} route={page} />
        ) : (
          <MissingPage lang={lang} />
        )}
      </main>
      <footer class="portal-footer">
        <div class="container py-4">
          <p class="mb-2">{t('footer.about')}</p>
          <p class="mb-0">
            <a href="/login">{t('app.staffArea')}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
