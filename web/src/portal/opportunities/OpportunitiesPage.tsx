// The current opportunities: a word search and filters kept in the address (a result can be
// shared, as with the services), the list in the server's order (the one that leaves the portal
// first comes first), paging, and an empty state that says what to do next.
import { Link, navigate } from '../../lib/router';
import { useData } from '../../lib/useData';
import { t, type PortalLang } from '../i18n';
import { MUNICIPALITIES } from '../municipalities';
import { ErrorBox, Loading, loadTerms, Paging, usePageTitle } from '../parts';
import { opportunitiesPath, servicesPath } from '../paths';
import { KINDS, opportunitiesApi } from './api';
import { kindLabel, OpportunityCard } from './parts';

const PER_PAGE = 20;
/** The filters the page keeps in its address, as the API names them. */
const FILTERS = ['q', 'kind', 'target_group', 'municipality'] as const;

function filtersOf(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of FILTERS) {
    const v = query.get(k);
    if (v) out[k] = v;
  }
  return out;
}

export function OpportunitiesPage({ lang, query }: { lang: PortalLang; query: URLSearchParams }) {
  usePageTitle(t('opportunities.title'));
  const filters = filtersOf(query);
  const page = Math.max(1, Number(query.get('page')) || 1);
  const key = JSON.stringify(filters);
  const terms = useData(loadTerms, []);
  const results = useData(() => opportunitiesApi.list({ ...filters, page, per_page: PER_PAGE }), [key, page], { keepPrevious: true });
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
    navigate(opportunitiesPath(lang, next));
  };

  return (
    <div data-testid="portal-opportunities">
      <h1 id="main-heading" tabIndex={-1} class="portal-h1">
        {t('opportunities.title')}
      </h1>
      <p class="portal-lead">{t('opportunities.intro')}</p>
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
        <label for="o-q" class="form-label">
          {t('opportunities.searchLabel')}
        </label>
        <div class="portal-search-row mb-2">
          <input id="o-q" name="q" type="search" class="form-control" defaultValue={filters.q ?? ''} autocomplete="off" maxLength={100} />
          <button type="submit" class="btn btn-primary">
            {t('search.submit')}
          </button>
        </div>
        <details class="portal-more-filters" open={active > (filters.q ? 1 : 0) || undefined}>
          <summary>{t('filters.more')}</summary>
          <div class="portal-filter-grid">
            <div>
              <label for="o-kind" class="form-label">
                {t('opportunities.kind')}
              </label>
              <select id="o-kind" name="kind" class="form-select" data-testid="filter-kind">
                <option value="">{t('opportunities.anyKind')}</option>
                {KINDS.map((k) => (
                  <option key={k} value={k} selected={k === filters.kind}>
                    {kindLabel(k)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="o-target" class="form-label">
                {t('filters.targetGroup')}
              </label>
              <select id="o-target" name="target_group" class="form-select" data-testid="filter-target-group">
                <option value="">{t('filters.anyone')}</option>
                {(terms.data?.target_group ?? []).map((c) => (
                  <option key={c.code} value={c.code} selected={c.code === filters.target_group}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="o-municipality" class="form-label">
                {t('filters.municipality')}
              </label>
              <select id="o-municipality" name="municipality" class="form-select">
                <option value="">{t('filters.anyMunicipality')}</option>
                {MUNICIPALITIES.map(([code, name]) => (
                  <option key={code} value={code} selected={code === filters.municipality}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div class="d-flex flex-wrap gap-2 mt-3">
            <button type="submit" class="btn btn-primary">
              {t('filters.apply')}
            </button>
            {active > 0 ? (
              <Link href={opportunitiesPath(lang)} class="btn btn-outline-secondary" data-testid="clear-filters">
                {t('filters.clear')}
              </Link>
            ) : null}
          </div>
        </details>
      </form>

      <div aria-live="polite" class="my-3">
        {results.data ? (
          <>
            <p class="portal-count mb-0" data-testid="result-count">
              {t('opportunities.found', { count: total })}
            </p>
            {total > 1 ? <p class="portal-note mb-0">{t('opportunities.sorted')}</p> : null}
          </>
        ) : null}
      </div>
      {results.error ? <ErrorBox error={results.error} onRetry={results.reload} /> : null}
      {results.loading && !results.data ? <Loading /> : null}

      {results.data ? (
        <>
          {results.data.items.length === 0 && total > 0 ? (
            // A page past the last (an old link: opportunities expire every day).
            <div class="alert alert-info" data-testid="past-the-end">
              <p class="mb-2">{t('opportunities.pastEnd')}</p>
              <Link href={opportunitiesPath(lang, filters)} class="btn btn-outline-primary">
                {t('opportunities.firstPage')}
              </Link>
            </div>
          ) : results.data.items.length === 0 ? (
            <div class="alert alert-info" data-testid="no-opportunities">
              <p class="mb-2">{active > 0 ? t('opportunities.none') : t('opportunities.noneAtAll')}</p>
              <p class="mb-2">{t('opportunities.orServices')}</p>
              <div class="d-flex flex-wrap gap-2">
                {active > 0 ? (
                  <Link href={opportunitiesPath(lang)} class="btn btn-outline-primary">
                    {t('filters.clear')}
                  </Link>
                ) : null}
                <Link href={servicesPath(lang)} class="btn btn-outline-primary">
                  {t('opportunities.servicesLink')}
                </Link>
              </div>
            </div>
          ) : (
            <ul class="list-unstyled portal-results" data-testid="opportunity-results">
              {results.data.items.map((o) => (
                <OpportunityCard key={o.id} o={o} lang={lang} terms={terms.data} />
              ))}
            </ul>
          )}
          <Paging page={page} pages={pages} hrefFor={(p) => opportunitiesPath(lang, { ...filters, ...(p > 1 ? { page: String(p) } : {}) })} />
        </>
      ) : null}
    </div>
  );
}
