// The guides to the administrative procedures: each one's name and one-line summary, in the page's
// language or marked as Italian where the catalogue has no translation; and the way to the status
// lookup.
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import type { PortalLang } from '../i18n';
import { ErrorBox, Loading, usePageTitle } from '../parts';
import { guidePath, statusPath } from '../paths';
import { proceduresApi } from './api';
import { pt } from './texts';

/** The `lang` attribute for a text in `textLang` on a page in `lang`: none when they agree. */
export const otherLang = (textLang: string, lang: PortalLang) => (textLang === lang ? undefined : textLang);

export function GuidesPage({ lang }: { lang: PortalLang }) {
  const list = useData(() => proceduresApi.list(), [lang]);
  usePageTitle(pt('guides.title'));
  return (
    <div>
      <h1 id="main-heading" tabIndex={-1} class="portal-h1">
        {pt('guides.title')}
      </h1>
      <p>{pt('guides.intro')}</p>
      <p>
        <Link href={statusPath(lang)} class="btn btn-outline-primary" data-testid="guides-status-link">
          {pt('status.title')}
        </Link>
      </p>
      {list.error ? <ErrorBox error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <ul class="list-unstyled portal-results" data-testid="guide-list">
          {list.data.items.map((g) => (
            <li key={g.code} class="portal-card" data-testid="guide-card">
              <h2 class="h5 mb-1">
                <Link href={guidePath(lang, g.code)} lang={otherLang(g.name_lang, lang)}>
                  {g.name}
                </Link>
              </h2>
              <p class="mb-0" lang={otherLang(g.summary_lang, lang)} dir="auto">
                {g.summary}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
