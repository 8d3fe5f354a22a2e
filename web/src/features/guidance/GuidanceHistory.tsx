// The versions of a page in one language, newest first: when, who, the change note, which
// sections changed, and the text of each version on request.
import type { Loaded } from '../../lib/useData';
import { LoadState } from '../../components/forms';
import { formatDateTime } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import type { GuidanceVersion } from './api';
import { GuidanceSections } from './GuidanceSections';
import { languageName } from './languages';

export function GuidanceHistory({ language, loaded }: { language: string; loaded: Loaded<{ items: GuidanceVersion[] }> }) {
  const { t, lang } = useT();
  const name = languageName(language, lang);
  return (
    <section class="mt-5" aria-labelledby="guidance-history-title" data-testid="guidance-history">
      <h2 id="guidance-history-title" class="h4">
        {t('guidance.history.title', { language: name })}
      </h2>
      <LoadState error={loaded.error} ready={!!loaded.data}>
        {() =>
          loaded.data &&
          (loaded.data.items.length ? (
            <>
              <p>{t('guidance.history.count', { count: loaded.data.items.length })}</p>
              <ol class="list-unstyled">
                {loaded.data.items.map((v) => (
                  <li key={v.version} class="border-top py-3" data-version={v.version}>
                    <p class="mb-1 fw-semibold">
                      {t('guidance.history.entry', { version: v.version, date: formatDateTime(v.edited_at, lang), name: v.edited_by.display_name })}
                    </p>
                    <p class="mb-1">
                      <bdi>{v.change_note}</bdi>
                    </p>
                    <p class="mb-1 text-muted small">
                      {t('guidance.history.changed', { sections: v.changed_sections.map((s) => t(`guidance.sections.${s}`)).join(', ') })}
                    </p>
                    <details>
                      <summary>{t('guidance.history.show', { version: v.version })}</summary>
                      <GuidanceSections page={v} headingLevel={3} />
                    </details>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p data-testid="guidance-history-empty">{t('guidance.history.none', { language: name })}</p>
          ))
        }
      </LoadState>
    </section>
  );
}
