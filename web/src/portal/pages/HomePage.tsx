// The portal's home: what it is, a search box, its two parts (services, opportunities), the
// categories with how many services each has.
import { Link, navigate } from '../../lib/router';
import { useData } from '../../lib/useData';
import { t, type PortalLang } from '../i18n';
import { ErrorBox, Loading, loadTerms, usePageTitle } from '../parts';
import { guidesPath, opportunitiesPath, servicesPath } from '../paths';

export function HomePage({ lang }: { lang: PortalLang }) {
  usePageTitle(t('home.title'));
  const terms = useData(loadTerms, []);
  const categories = (terms.data?.category ?? []).filter((c) => c.count > 0);

  return (
    <div data-testid="portal-home">
      <h1 id="main-heading" tabIndex={-1} class="portal-h1">
        {t('home.title')}
      </h1>
      <p class="lead portal-lead">{t('home.intro')}</p>
      <form
        role="search"
        class="portal-search mb-4"
        onSubmit={(e) => {
          e.preventDefault();
          const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
          navigate(servicesPath(lang, q ? { q } : {}));
        }}
      >
        <label for="home-q" class="form-label">
          {t('search.label')}
        </label>
        <div class="portal-search-row">
          <input id="home-q" name="q" type="search" class="form-control" autocomplete="off" aria-describedby="home-q-hint" />
          <button type="submit" class="btn btn-primary">
            {t('search.submit')}
          </button>
        </div>
        <p id="home-q-hint" class="form-text mb-0">
          {t('search.hint')}
        </p>
      </form>
      <p>
        <Link href={servicesPath(lang, { view: 'map' })} class="btn btn-outline-primary">
          {t('home.openMap')}
        </Link>
      </p>
      <h2 class="h3 mt-4">{t('home.sections')}</h2>
      <ul class="portal-sections list-unstyled" data-testid="home-sections">
        <li>
          <Link href={servicesPath(lang)} data-testid="home-services">
            <span class="portal-section-title">{t('nav.services')}</span>
            <span>{t('home.servicesText')}</span>
          </Link>
        </li>
        <li>
          <Link href={opportunitiesPath(lang)} data-testid="home-opportunities">
            <span class="portal-section-title">{t('nav.opportunities')}</span>
            <span>{t('home.opportunitiesText')}</span>
          </Link>
        </li>
        <li>
          <Link href={guidesPath(lang)} data-testid="home-guides">
            <span class="portal-section-title">{t('nav.guides')}</span>
            <span>{t('home.guidesText')}</span>
          </Link>
        </li>
      </ul>
      <h2 class="h3 mt-4">{t('home.categories')}</h2>
      {terms.error ? <ErrorBox error={terms.error} onRetry={terms.reload} /> : null}
      {terms.loading && !terms.data ? <Loading /> : null}
      {terms.data ? (
        categories.length === 0 ? (
          <p>{t('home.noServices')}</p>
        ) : (
          <ul class="portal-categories list-unstyled" data-testid="categories">
            {categories.map((c) => (
              <li key={c.code}>
                <Link href={servicesPath(lang, { category: c.code })} data-category={c.code}>
                  <span class="portal-category-label">{c.label}</span>
                  <span class="portal-category-count">{t('home.serviceCount', { count: c.count })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <h2 class="h3 mt-4">{t('home.howTitle')}</h2>
      <ul>
        <li>{t('home.how1')}</li>
        <li>{t('home.how2')}</li>
        <li>{t('home.how3')}</li>
      </ul>
    </div>
  );
}
