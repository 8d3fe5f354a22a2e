// Small pieces the portal's pages share: titles, loading and error states, labels of codes,
// the result card, paging.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { formatDay } from '../lib/dates';
import { intlLocale } from '../lib/numbers';
import { Link } from '../lib/router';
import { directoryApi, PortalApiError, type ServiceHit, type Terms } from './api';
import { t, type PortalLang } from './i18n';
import { servicePath } from './paths';

/** The tab's title: the page, then the portal's name. */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.title')}`;
  }, [title]);
}

export function Loading() {
  return (
    <div class="portal-loading" role="status">
      <span class="portal-spinner" aria-hidden="true" />
      {t('common.loading')}
    </div>
  );
}

/** What went wrong, in words (the codes are not for the public). */
export function describeError(error: unknown): string {
  if (error instanceof PortalApiError) {
    if (error.status === 0) return t('errors.network');
    if (error.status === 404) return t('errors.notFound');
    if (error.status === 429) return tooMany(error.retryAfter);
    if (error.status === 400) return t('errors.invalid');
  }
  return t('errors.unavailable');
}

/** "Too many requests: try again in N minutes", from Retry-After (seconds). */
export function tooMany(retryAfter: number | null): string {
  if (!retryAfter) return t('errors.tooManyLater');
  return t('errors.tooMany', { count: Math.max(1, Math.ceil(retryAfter / 60)) });
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="alert alert-danger" role="alert">
      <p class="mb-2">{describeError(error)}</p>
      {onRetry ? (
        <button type="button" class="btn btn-outline-primary btn-sm" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

// The taxonomies' labels in the page's language, fetched once per page load.
let termsPromise: Promise<Terms> | null = null;
export function loadTerms(): Promise<Terms> {
  termsPromise ??= directoryApi.terms().catch((e: unknown) => {
    termsPromise = null;
    throw e;
  });
  return termsPromise;
}

export function termLabel(terms: Terms | null, taxonomy: keyof Terms, code: string): string {
  return terms?.[taxonomy].find((x) => x.code === code)?.label ?? code;
}

const languageNames = new Map<string, Intl.DisplayNames>();
/** A language's name in the page's language ("arabo" for ar in Italian). */
export function languageName(code: string, lang: PortalLang): string {
  let names = languageNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames(intlLocale(lang), { type: 'language' });
    languageNames.set(lang, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The languages offered in the "language spoken" filter: the portal's six, then others often asked for. */
export const SPOKEN_LANGUAGES = ['it', 'en', 'fr', 'ar', 'uk', 'bn', 'es', 'pt', 'ru', 'ro', 'sq', 'ur', 'ps', 'fa', 'ti', 'so', 'wo', 'zh', 'tr', 'pa'];

export function Badge({ children, tone }: { children: ComponentChildren; tone: 'success' | 'primary' | 'secondary' }) {
  return <span class={`badge portal-badge portal-badge-${tone}`}>{children}</span>;
}

/** One service in a list of results. */
export function ServiceCard({ hit, lang, terms }: { hit: ServiceHit; lang: PortalLang; terms: Terms | null }) {
  return (
    <li class="portal-card" data-testid="service-card">
      <h3 class="h5 mb-1">
        <Link href={servicePath(lang, hit.id)} lang={hit.lang !== lang ? hit.lang : undefined} dir="auto">
          {hit.name}
        </Link>
      </h3>
      <p class="portal-card-org mb-1" dir="auto">
        {hit.organization.name}
      </p>
      <p class="portal-card-where mb-2" dir="auto">
        {hit.municipality ? hit.municipality.name : null}
        {hit.municipality && hit.address ? ' · ' : null}
        {hit.address ?? (hit.municipality ? null : t('service.noAddress'))}
      </p>
      <div class="d-flex flex-wrap gap-1 mb-2">
        {hit.open_now === true ? <Badge tone="success">{t('service.openNow')}</Badge> : null}
        {hit.free === true ? <Badge tone="primary">{t('service.free')}</Badge> : null}
        {hit.categories.slice(0, 3).map((c) => (
          <Badge key={c} tone="secondary">
            {termLabel(terms, 'category', c)}
          </Badge>
        ))}
      </div>
      {hit.description ? (
        <p class="mb-1" lang={hit.lang !== lang ? hit.lang : undefined} dir="auto">
          {hit.description}
        </p>
      ) : null}
      {hit.lang !== lang ? <p class="portal-note mb-0">{t('service.notTranslated', { language: languageName(hit.lang, lang) })}</p> : null}
      {hit.last_verified_on ? (
        <p class="portal-note mb-0">{t('service.verified', { date: formatDay(hit.last_verified_on, lang) })}</p>
      ) : null}
    </li>
  );
}

/** Previous / page N of M / next, as links (the page is in the address). */
export function Paging({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="portal-paging" aria-label={t('list.paging')}>
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} class="btn btn-outline-primary">
          {t('list.previous')}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{t('list.pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} class="btn btn-outline-primary">
          {t('list.next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
