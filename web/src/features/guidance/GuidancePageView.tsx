// /guidance/<category>: a guidance page, read in the app's language or another chosen with the
// switch (?lang=); a language without text yet shows the Italian with a note saying so. Below
// it, the history of the language's versions (who changed which sections, and the text of each);
// admins and prefecture officers edit the page in place (GuidanceEditor).
import { useState } from 'preact/hooks';
import { usePageTitle } from '../../components/PageTitle';
import { LoadState, Notice, SelectField } from '../../components/forms';
import { formatDateTime } from '../../lib/dates';
import { LANGUAGES, useT } from '../../lib/i18n';
import { Link, setQuery, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { type Category, type GuidancePage, guidanceApi } from './api';
import { GuidanceEditor } from './GuidanceEditor';
import { GuidanceHistory } from './GuidanceHistory';
import { GuidanceSections } from './GuidanceSections';
import { isPageLanguage, languageName } from './languages';

export function GuidancePageView({ category }: { category: Category }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const loc = useLocation();
  const asked = loc.query.get('lang');
  const language = isPageLanguage(asked) ? asked : lang;
  const title = t(`vulnerability.category.${category}`);
  usePageTitle(title);
  const page = useData(() => guidanceApi.page(category, language), [category, language]);
  const history = useData(() => guidanceApi.versions(category, language), [category, language]);
  const [editing, setEditing] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  // After a publish, the saved page until the reload brings that version: never the text it replaced.
  const [saved, setSaved] = useState<GuidancePage | null>(null);
  const shown = saved && (!page.data || page.data.version < saved.version) ? saved : page.data;
  const name = languageName(language, lang);
  return (
    <div data-testid="guidance-page" data-category={category}>
      <p>
        <Link href="/guidance">{t('guidance.page.back')}</Link>
      </p>
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      <div class="row">
        <div class="col-12 col-md-6 col-lg-4">
          <SelectField
            id="guidance-language"
            label={t('guidance.page.languageLabel')}
            value={language}
            options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
            onValue={(v) => {
              setEditing(false);
              setPublished(null);
              setSaved(null);
              setQuery({ lang: v === lang ? null : v }, true);
            }}
          />
        </div>
      </div>
      {published !== null ? <Notice kind="success">{t('guidance.editor.published', { version: published, language: name })}</Notice> : null}
      <LoadState error={page.error} ready={!!shown}>
        {() =>
          shown && (
            <>
              {shown.fallback ? (
                <div class="alert alert-warning" role="status" data-testid="guidance-fallback">
                  {t('guidance.page.fallback', { language: name })}
                </div>
              ) : null}
              {editing ? (
                <GuidanceEditor
                  category={category}
                  language={language}
                  page={shown}
                  onCancel={() => setEditing(false)}
                  onPublished={(done) => {
                    setEditing(false);
                    setPublished(done.version);
                    setSaved(done);
                    page.reload();
                    history.reload();
                  }}
                />
              ) : (
                <>
                  <GuidanceSections page={{ ...shown, language: shown.shown_language }} />
                  <p class="text-muted small" data-testid="guidance-version">
                    {t('guidance.page.version', {
                      version: shown.version,
                      date: formatDateTime(shown.edited_at, lang),
                      name: shown.edited_by.display_name,
                    })}
                  </p>
                  {can('guidance.edit') ? (
                    <button type="button" class="btn btn-primary mb-4" data-testid="guidance-edit" onClick={() => {
                        setPublished(null);
                        setEditing(true);
                      }}>
                      {t('guidance.page.edit', { language: name })}
                    </button>
                  ) : null}
                </>
              )}
            </>
          )
        }
      </LoadState>
      <GuidanceHistory language={language} loaded={history} />
    </div>
  );
}
