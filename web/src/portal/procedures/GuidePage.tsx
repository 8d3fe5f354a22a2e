// One guide: what the procedure is for and who may apply (the catalogue's plain-language text),
// its steps with the office responsible, the documents to bring, the fee, the legal term of an
// application made today, the legal basis. Parts kept in Italian only are marked lang="it" and
// say so. An unknown code is the missing page, as the API answers 404.
import type { ComponentChildren } from 'preact';
import { intlLocale } from '../../lib/numbers';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { PortalApiError } from '../api';
import { t, type PortalLang } from '../i18n';
import { MissingPage } from '../pages/MissingPage';
import { ErrorBox, languageName, Loading, usePageTitle } from '../parts';
import { guidesPath, statusPath } from '../paths';
import { proceduresApi, type Guide } from './api';
import { otherLang } from './GuidesPage';
import { pt } from './texts';

function Part({ title, children, testid }: { title: string; children: ComponentChildren; testid?: string }) {
  return (
    <section class="portal-section" data-testid={testid}>
      <h2 class="h4">{title}</h2>
      {children}
    </section>
  );
}

/** "Only in Italian for now", when a part is in another language than the page's. */
function ItalianNote({ textLang, lang }: { textLang: string; lang: PortalLang }) {
  return textLang === lang ? null : <p class="portal-note">{t('service.notTranslated', { language: languageName(textLang, lang) })}</p>;
}

export function termText(g: Pick<Guide, 'term_days' | 'term_counting'>): string | null {
  if (g.term_days == null) return null;
  const key = g.term_counting === 'working' ? 'guide.termWorkingDays' : g.term_counting === 'months' ? 'guide.termMonths' : 'guide.termDays';
  return pt(key, { count: g.term_days });
}

function Details({ g, lang }: { g: Guide; lang: PortalLang }) {
  const fee =
    g.fee_cents == null
      ? pt('guide.noFee')
      : g.fee_cents === 0
        ? pt('guide.free')
        : new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency: 'EUR' }).format(g.fee_cents / 100);
  const term = termText(g);
  return (
    <article data-testid="guide-detail">
      <p class="mb-1">
        <Link href={guidesPath(lang)}>{pt('guides.back')}</Link>
      </p>
      <h1 id="main-heading" tabIndex={-1} class="portal-h1" lang={otherLang(g.name_lang, lang)}>
        {g.name}
      </h1>
      <Part title={pt('guide.what')} testid="guide-text">
        <ItalianNote textLang={g.guide_lang} lang={lang} />
        <p class="portal-prose" lang={otherLang(g.guide_lang, lang)} dir="auto">
          {g.guide}
        </p>
      </Part>
      <Part title={pt('guide.steps')} testid="guide-steps">
        <ItalianNote textLang={g.steps_lang} lang={lang} />
        <ol lang={otherLang(g.steps_lang, lang)}>
          {g.steps.map((s, i) => (
            <li key={i}>
              <strong>{s.name}</strong>
              <br />
              {/* Offices are Italian names whatever the steps' language (decision 0043). */}
              <span class="portal-note" lang={otherLang('it', lang)}>
                {s.office}
              </span>
            </li>
          ))}
        </ol>
      </Part>
      <Part title={pt('guide.documents')} testid="guide-documents">
        <ItalianNote textLang={g.documents_lang} lang={lang} />
        <ul>
          {g.documents.map((d, i) => (
            <li key={i}>
              <span lang={otherLang(g.documents_lang, lang)}>{d.name}</span>
              {d.required ? null : <> ({pt('guide.sometimes')})</>}
            </li>
          ))}
        </ul>
      </Part>
      <Part title={pt('guide.fee')} testid="guide-fee">
        <p class="mb-1">{fee}</p>
        {g.fee_note ? (
          <p class="portal-note" lang={otherLang(g.fee_note_lang, lang)}>
            {g.fee_note}
          </p>
        ) : null}
      </Part>
      <Part title={pt('guide.term')} testid="guide-term">
        <p class="mb-1">{term ?? pt('guide.noTerm')}</p>
        {g.silent_consent ? <p class="mb-1">{pt('guide.silentConsent')}</p> : null}
        <p class="portal-note">{pt('guide.termNote')}</p>
      </Part>
      <Part title={pt('guide.legalBasis')}>
        <p lang="it">{g.legal_basis}</p>
      </Part>
      <p class="mt-4">
        <Link href={statusPath(lang)} class="btn btn-outline-primary">
          {pt('status.title')}
        </Link>
      </p>
    </article>
  );
}

export function GuidePage({ lang, code }: { lang: PortalLang; code: string }) {
  const found = useData(() => proceduresApi.one(code), [code]);
  const missing = found.error instanceof PortalApiError && found.error.status === 404;
  usePageTitle(found.data?.name ?? (found.error && !missing ? t('errors.title') : null));
  if (found.loading && !found.data) return <Loading />;
  if (missing) return <MissingPage lang={lang} />;
  if (!found.data) {
    return (
      <div>
        <h1 id="main-heading" tabIndex={-1} class="portal-h1">
          {t('errors.title')}
        </h1>
        <ErrorBox error={found.error} onRetry={found.reload} />
        <Link href={guidesPath(lang)}>{pt('guides.back')}</Link>
      </div>
    );
  }
  return <Details g={found.data} lang={lang} />;
}
