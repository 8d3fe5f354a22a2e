// One opportunity: what it is, when, where, for whom, how to take part, who publishes it. One that
// is not published, has expired or never existed is the portal's missing page: the API answers 404
// for each, and the page does not tell them apart.
import type { ComponentChildren } from 'preact';
import { formatDay } from '../../lib/dates';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { PortalApiError, type Terms } from '../api';
import { t, type PortalLang } from '../i18n';
import { MissingPage } from '../pages/MissingPage';
import { Badge, ErrorBox, languageName, Loading, loadTerms, usePageTitle } from '../parts';
import { opportunitiesPath } from '../paths';
import { opportunitiesApi, type Opportunity } from './api';
import { ContactProse, datesText, expiryText, groupsText, kindLabel, placeText, textLang } from './parts';
import { langAttr } from '../../lib/langAttr';

function Section({ title, children, testid }: { title: string; children: ComponentChildren; testid?: string }) {
  return (
    <section class="portal-section" data-testid={testid}>
      <h2 class="h4">{title}</h2>
      {children}
    </section>
  );
}

function Details({ o, lang, terms }: { o: Opportunity; lang: PortalLang; terms: Terms | null }) {
  const other = textLang(o, lang);
  const dates = datesText(o, lang);
  const place = placeText(o);
  return (
    <article data-testid="opportunity-detail">
      <p class="mb-1">
        <Link href={opportunitiesPath(lang)}>{t('opportunities.back')}</Link>
      </p>
      <h1 id="main-heading" tabIndex={-1} class="portal-h1" {...langAttr(other)} dir="auto">
        {o.title}
      </h1>
      <div class="d-flex flex-wrap gap-1 mb-3">
        <Badge tone="secondary">{kindLabel(o.kind)}</Badge>
        {o.free ? <Badge tone="primary">{t('opportunities.free')}</Badge> : <Badge tone="secondary">{t('opportunities.paid')}</Badge>}
      </div>
      {other ? <p class="alert alert-info">{t('service.notTranslated', { language: languageName(o.lang, lang) })}</p> : null}
      <p class="portal-prose" {...langAttr(other)} dir="auto" data-testid="opportunity-description">
        {o.description}
      </p>

      <Section title={t('opportunities.when')} testid="opportunity-when">
        <p class="mb-1">{dates ?? t('opportunities.noDates')}</p>
        <p class="mb-1">
          <strong>{expiryText(o.expires_on, lang)}</strong>
        </p>
        <p class="portal-note">{t('opportunities.expiresNote', { date: formatDay(o.expires_on, lang) })}</p>
      </Section>

      <Section title={t('service.where')} testid="opportunity-where">
        <p class="mb-0" dir="auto">
          {place ?? t('opportunities.noPlace')}
        </p>
      </Section>

      <Section title={t('service.who')}>
        <p>{groupsText(o, terms, lang) ?? t('service.everyone')}</p>
      </Section>

      <Section title={t('opportunities.cost')}>
        <p>{o.free ? t('opportunities.freeText') : t('opportunities.paidText')}</p>
      </Section>

      <Section title={t('opportunities.how')} testid="opportunity-how">
        {o.how_to_apply ? (
          <ContactProse text={o.how_to_apply} lang={o.how_to_apply_lang !== lang ? o.how_to_apply_lang : undefined} />
        ) : (
          <p>{t('opportunities.askPublisher')}</p>
        )}
        {o.url ? (
          <p>
            {t('opportunities.link')}{' '}
            <a href={o.url} rel="noopener noreferrer" dir="ltr" class="portal-url">
              {o.url}
            </a>
          </p>
        ) : null}
      </Section>

      <Section title={t('opportunities.publisher')} testid="opportunity-publisher">
        <p dir="auto">{o.publisher.name}</p>
      </Section>
    </article>
  );
}

export function OpportunityPage({ lang, id }: { lang: PortalLang; id: string }) {
  const found = useData(() => opportunitiesApi.one(id), [id]);
  const terms = useData(loadTerms, []);
  const missing = found.error instanceof PortalApiError && found.error.status === 404;
  usePageTitle(found.data?.title ?? (found.error && !missing ? t('errors.title') : null));
  if (found.loading && !found.data) return <Loading />;
  if (missing) return <MissingPage lang={lang} />;
  if (!found.data) {
    return (
      <div>
        <h1 id="main-heading" tabIndex={-1} class="portal-h1">
          {t('opportunities.unavailable')}
        </h1>
        <ErrorBox error={found.error} onRetry={found.reload} />
        <Link href={opportunitiesPath(lang)}>{t('opportunities.back')}</Link>
      </div>
    );
  }
  return <Details o={found.data} lang={lang} terms={terms.data} />;
}
