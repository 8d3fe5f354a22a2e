// The list of services: search, filters (in the address, so a result can be shared), results with
// paging, and a switch to the map, which is loaded (leaflet and the outlines) only when opened.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Link, navigate } from '../../lib/router';
import { useData } from '../../lib/useData';
import { directoryApi } from '../api';
import { t, type PortalLang } from '../i18n';
import { MUNICIPALITIES } from '../municipalities';
import { ErrorBox, languageName, Loading, loadTerms, Paging, ServiceCard, SPOKEN_LANGUAGES, usePageTitle } from '../parts';
import { servicesPath } from '../paths';

type MapProps = { lang: PortalLang; filters: Record<string, string> };

/** The map and leaflet, fetched only when the map is opened (a chunk of their own). */
function LazyMap(props: MapProps) {
  const [Map, setMap] = useState<ComponentType<MapProps> | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    import('../map/ServiceMap').then(
      (m) => setMap(() => m.default),
      (e: unknown) => setFailed(e),
    );
  }, []);
  if (failed) return <ErrorBox error={failed} />;
  return Map ? <Map {...props} /> : <Loading />;
}

const PER_PAGE = 20;
/** The filters the page keeps in its address, as the API names them. */
export const FILTERS = ['q', 'category', 'municipality', 'language', 'target_group', 'free', 'open_now'] as const;

function filtersOf(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of FILTERS) {
    const v = query.get(k);
    if (v) out[k] = v;
  }
  return out;
}

export function ServicesPage({ lang, query }: { lang: PortalLang; query: URLSearchParams }) {
  usePageTitle(t('list.title'));
  const filters = filtersOf(query);
  const page = Math.max(1, Number(query.get('page')) || 1);
  const mapView = query.get('view') === 'map';
  const key = JSON.stringify(filters);
  const terms = useData(loadTerms, []);
  const results = useData(() => directoryApi.search({ ...filters, page, per_page: PER_PAGE }), [key, page], { keepPrevious: true });
  const total = results.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const active = Object.keys(filters).length;

  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const next: Record<string, string> = {};
    for (const k of FILTERS) {
      const v = String(data.get(k) ?? '').trim();
      if (v) next[k] = v;
    }
    if (mapView) next.view = 'map';
    navigate(servicesPath(lang, next));
  };

  const withView = (view: 'list' | 'map') => servicesPath(lang, { ...filters, ...(view === 'map' ? { view } : {}) });

  return (
    <div data-testid="portal-services">
      <h1 id="main-heading" tabIndex={-1} class="portal-h1">
        {t('list.title')}
      </h1>
      <form
        key={key}
        role="search"
        class="portal-filters mb-3"
        data-testid="filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply(e.currentTarget);
        }}
      >
        <label for="f-q" class="form-label">
          {t('search.label')}
        </label>
        <div class="portal-search-row mb-2">
          <input id="f-q" name="q" type="search" class="form-control" defaultValue={filters.q ?? ''} autocomplete="off" />
          <button type="submit" class="btn btn-primary">
            {t('search.submit')}
          </button>
        </div>
        <details class="portal-more-filters" open={active > (filters.q ? 1 : 0) || undefined}>
          <summary>{t('filters.more')}</summary>
          <div class="portal-filter-grid">
            <div>
              <label for="f-category" class="form-label">
                {t('filters.category')}
              </label>
              <select id="f-category" name="category" class="form-select">
                <option value="">{t('filters.any')}</option>
                {(terms.data?.category ?? []).map((c) => (
                  <option key={c.code} value={c.code} selected={c.code === filters.category}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="f-municipality" class="form-label">
                {t('filters.municipality')}
              </label>
              <select id="f-municipality" name="municipality" class="form-select">
                <option value="">{t('filters.anyMunicipality')}</option>
                {MUNICIPALITIES.map(([code, name]) => (
                  <option key={code} value={code} selected={code === filters.municipality}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="f-language" class="form-label">
                {t('filters.language')}
              </label>
              <select id="f-language" name="language" class="form-select">
                <option value="">{t('filters.any')}</option>
                {SPOKEN_LANGUAGES.map((code) => (
                  <option key={code} value={code} selected={code === filters.language}>
                    {languageName(code, lang)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="f-target" class="form-label">
                {t('filters.targetGroup')}
              </label>
              <select id="f-target" name="target_group" class="form-select">
                <option value="">{t('filters.anyone')}</option>
                {(terms.data?.target_group ?? []).map((c) => (
                  <option key={c.code} value={c.code} selected={c.code === filters.target_group}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            <div class="form-check">
              <input id="f-free" name="free" type="checkbox" class="form-check-input" value="true" defaultChecked={filters.free === 'true'} />
              <label for="f-free" class="form-check-label">
                {t('filters.free')}
              </label>
            </div>
            <div class="form-check">
              <input id="f-open" name="open_now" type="checkbox" class="form-check-input" value="true" defaultChecked={filters.open_now === 'true'} />
              <label for="f-open" class="form-check-label">
                {t('filters.openNow')}
              </label>
            </div>
          </div>
          <div class="d-flex flex-wrap gap-2 mt-3">
            <button type="submit" class="btn btn-primary">
              {t('filters.apply')}
            </button>
            {active > 0 ? (
              <Link href={servicesPath(lang, mapView ? { view: 'map' } : {})} class="btn btn-outline-secondary" data-testid="clear-filters">
                {t('filters.clear')}
              </Link>
            ) : null}
          </div>
        </details>
      </form>

      <div class="portal-view-switch" role="group" aria-label={t('list.view')}>
        <Link href={withView('list')} class={`btn ${mapView ? 'btn-outline-primary' : 'btn-primary'}`} aria-current={mapView ? undefined : 'page'} data-testid="view-list">
          {t('list.asList')}
        </Link>
        <Link href={withView('map')} class={`btn ${mapView ? 'btn-primary' : 'btn-outline-primary'}`} aria-current={mapView ? 'page' : undefined} data-testid="view-map">
          {t('list.asMap')}
        </Link>
      </div>

      <div aria-live="polite" class="my-3">
        {results.data ? (
          <p class="portal-count mb-0" data-testid="result-count">
            {t('list.found', { count: total })}
          </p>
        ) : null}
        {results.data?.partial && total > 0 ? (
          <p class="portal-note mb-0" data-testid="partial">
            {t('list.partial')}
          </p>
        ) : null}
      </div>
      {results.error ? <ErrorBox error={results.error} onRetry={results.reload} /> : null}
      {results.loading && !results.data ? <Loading /> : null}

      {mapView ? (
        <LazyMap lang={lang} filters={filters} />
      ) : results.data ? (
        <>
          {results.data.items.length === 0 ? (
            <div class="alert alert-info">{t('list.none')}</div>
          ) : (
            <ul class="list-unstyled portal-results" data-testid="results">
              {results.data.items.map((hit) => (
                <ServiceCard key={hit.id} hit={hit} lang={lang} terms={terms.data} />
              ))}
            </ul>
          )}
          <Paging page={page} pages={pages} hrefFor={(p) => servicesPath(lang, { ...filters, ...(p > 1 ? { page: String(p) } : {}) })} />
        </>
      ) : null}
    </div>
  );
}
