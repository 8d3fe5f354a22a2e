// The opportunity pages as the portal's frame draws them: their chunk is fetched when one is
// first opened (and kept for the next), so the home page's first load stays within its budget.
import { useEffect, useState } from 'preact/hooks';
import { t, type PortalLang } from '../i18n';
import { ErrorBox, Loading } from '../parts';

type Pages = typeof import('./index');
let loaded: Pages | null = null;
let loading: Promise<Pages> | null = null;

export type OpportunityRoute = { kind: 'opportunities' } | { kind: 'opportunity'; id: string };

export function OpportunitiesSection({ lang, route, query }: { lang: PortalLang; route: OpportunityRoute; query: URLSearchParams }) {
  const [pages, setPages] = useState<Pages | null>(loaded);
  const [failed, setFailed] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (pages) return;
    loading ??= import('./index');
    let live = true;
    loading.then(
      (m) => {
        loaded = m;
        if (live) setPages(m);
      },
      (e: unknown) => {
        loading = null;
        if (live) setFailed(e);
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  if (failed) {
    return (
      <div>
        <h1 id="main-heading" tabIndex={-1} class="portal-h1">
          {t('opportunities.unavailable')}
        </h1>
        <ErrorBox
          error={failed}
          onRetry={() => {
            setFailed(null);
            setAttempt((n) => n + 1);
          }}
        />
      </div>
    );
  }
  if (!pages) return <Loading />;
  return route.kind === 'opportunities' ? (
    <pages.OpportunitiesPage lang={lang} query={query} />
  ) : (
    <pages.OpportunityPage key={route.id} lang={lang} id={route.id} />
  );
}
