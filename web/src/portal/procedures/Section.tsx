// The procedure pages (guides and the status lookup) as the portal's frame draws them: their chunk,
// texts included, is fetched when one is first opened, so the first load carries only the nav link.
import { useEffect, useState } from 'preact/hooks';
import { t, type PortalLang } from '../i18n';
import { ErrorBox, Loading } from '../parts';

type Pages = typeof import('./index');
let loaded: Pages | null = null;
let loading: Promise<Pages> | null = null;

export type ProcedureRoute = { kind: 'guides' } | { kind: 'guide'; code: string } | { kind: 'status' };

export function ProceduresSection({ lang, route }: { lang: PortalLang; route: ProcedureRoute }) {
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
          {t('errors.title')}
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
  if (route.kind === 'guides') return <pages.GuidesPage lang={lang} />;
  if (route.kind === 'guide') return <pages.GuidePage key={route.code} lang={lang} code={route.code} />;
  return <pages.StatusPage lang={lang} />;
}
