// One service: what it offers, for whom, how to get there and when, what to bring; then the
// anonymous feedback and the "suggest an update" forms.
import type { ComponentChildren } from 'preact';
import { formatDay } from '../../lib/dates';
import { intlLocale } from '../../lib/numbers';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { directoryApi, type ServiceDetail, type Terms } from '../api';
import { t, type PortalLang } from '../i18n';
import { Badge, ErrorBox, languageName, Loading, loadTerms, termLabel, usePageTitle } from '../parts';
import { servicesPath } from '../paths';
import { FeedbackForm } from './FeedbackForm';
import { SuggestionForm } from './SuggestionForm';

/** Monday is 1, as the API counts; 1 January 2024 was a Monday. */
function weekdayName(weekday: number, lang: PortalLang): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}

function Section({ title, children, testid }: { title: string; children: ComponentChildren; testid?: string }) {
  return (
    <section class="portal-section" data-testid={testid}>
      <h2 class="h4">{title}</h2>
      {children}
    </section>
  );
}

/** Text written by the service: shown with its line breaks, marked with its language when not the page's. */
function Prose({ text, lang, page }: { text: string; lang: string; page: PortalLang }) {
  return (
    <p class="portal-prose" lang={lang !== page ? lang : undefined} dir="auto">
      {text}
    </p>
  );
}

function Hours({ service, lang }: { service: ServiceDetail; lang: PortalLang }) {
  const days = [1, 2, 3, 4, 5, 6, 7];
  if (service.openings.length === 0 && !service.schedule_notes) return <p>{t('service.noHours')}</p>;
  return (
    <>
      {service.openings.length > 0 ? (
        <table class="table table-sm portal-hours">
          <caption class="visually-hidden">{t('service.hours')}</caption>
          <tbody>
            {days.map((d) => {
              const slots = service.openings.filter((o) => o.weekday === d).sort((a, b) => a.opens_at.localeCompare(b.opens_at));
              return (
                <tr key={d}>
                  <th scope="row">{weekdayName(d, lang)}</th>
                  <td dir="ltr" class="portal-times">
                    {slots.length ? slots.map((s) => `${s.opens_at}–${s.closes_at}`).join(', ') : <span dir="auto">{t('service.closed')}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {service.schedule_notes ? <Prose text={service.schedule_notes} lang={service.lang} page={lang} /> : null}
    </>
  );
}

function Details({ service, lang, terms }: { service: ServiceDetail; lang: PortalLang; terms: Terms | null }) {
  const other = service.lang !== lang;
  return (
    <article data-testid="service-detail">
      <p class="mb-1">
        <Link href={servicesPath(lang)}>{t('service.back')}</Link>
      </p>
      <h1 id="main-heading" tabIndex={-1} class="portal-h1" lang={other ? service.lang : undefined} dir="auto">
        {service.name}
      </h1>
      <p class="portal-card-org" dir="auto">
        {service.organization.name}
      </p>
      <div class="d-flex flex-wrap gap-1 mb-3">
        {service.open_now === true ? <Badge tone="success">{t('service.openNow')}</Badge> : null}
        {service.open_now === false ? <Badge tone="secondary">{t('service.closedNow')}</Badge> : null}
        {service.free === true ? <Badge tone="primary">{t('service.free')}</Badge> : null}
        {service.categories.map((c) => (
          <Badge key={c} tone="secondary">
            {termLabel(terms, 'category', c)}
          </Badge>
        ))}
      </div>
      {other ? <p class="alert alert-info">{t('service.notTranslated', { language: languageName(service.lang, lang) })}</p> : null}
      {service.description ? <Prose text={service.description} lang={service.lang} page={lang} /> : null}

      <Section title={t('service.where')} testid="service-where">
        {service.locations.length === 0 ? (
          <p>{service.address ?? t('service.noAddress')}</p>
        ) : (
          <ul class="list-unstyled">
            {service.locations.map((l, i) => (
              <li key={i} class="mb-2">
                {l.name ? (
                  <strong class="d-block" dir="auto">
                    {l.name}
                  </strong>
                ) : null}
                {l.confidential ? (
                  <span data-testid="confidential-address">{t('service.confidentialAddress')}</span>
                ) : (
                  <span dir="auto">{l.address ?? t('service.noAddress')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {service.municipality ? <p class="mb-0">{t('service.municipality', { name: service.municipality.name })}</p> : null}
      </Section>

      <Section title={t('service.hours')}>
        <Hours service={service} lang={lang} />
      </Section>

      <Section title={t('service.contacts')}>
        {service.phones.length === 0 && !service.email && !service.url ? <p>{t('service.noContacts')}</p> : null}
        <ul class="list-unstyled">
          {service.phones.map((p) => (
            <li key={p.number} class="mb-1">
              <a href={`tel:${p.number.replace(/[^\d+]/g, '')}`} dir="ltr">
                {p.number}
              </a>
              {p.description ? (
                <>
                  {' – '}
                  <span dir="auto">{p.description}</span>
                </>
              ) : null}
            </li>
          ))}
          {service.email ? (
            <li class="mb-1">
              <a href={`mailto:${service.email}`} dir="ltr">
                {service.email}
              </a>
            </li>
          ) : null}
          {service.url ? (
            <li class="mb-1">
              <a href={service.url} rel="noopener noreferrer" dir="ltr" class="portal-url">
                {service.url}
              </a>
            </li>
          ) : null}
        </ul>
      </Section>

      <Section title={t('service.who')}>
        {service.target_groups.length ? (
          <p>{service.target_groups.map((g) => termLabel(terms, 'target_group', g)).join(' · ')}</p>
        ) : null}
        {service.eligibility ? <Prose text={service.eligibility} lang={service.lang} page={lang} /> : null}
        {service.permit_types.length ? (
          <p>
            <strong>{t('service.permits')}</strong> {service.permit_types.map((p) => termLabel(terms, 'permit_type', p)).join(' · ')}
          </p>
        ) : null}
        {!service.target_groups.length && !service.eligibility ? <p>{t('service.everyone')}</p> : null}
      </Section>

      {service.application_process ? (
        <Section title={t('service.how')}>
          <Prose text={service.application_process} lang={service.lang} page={lang} />
        </Section>
      ) : null}

      <Section title={t('service.documents')}>
        {service.required_documents.length ? (
          <ul lang={other ? service.lang : undefined} dir="auto">
            {service.required_documents.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : (
          <p>{t('service.noDocuments')}</p>
        )}
      </Section>

      <Section title={t('service.costs')}>
        {service.fees_description ? <Prose text={service.fees_description} lang={service.lang} page={lang} /> : <p>{service.free === true ? t('service.free') : t('service.askCosts')}</p>}
      </Section>

      <Section title={t('service.languages')}>
        <p>{service.languages.length ? service.languages.map((l) => languageName(l, lang)).join(' · ') : t('service.noLanguages')}</p>
      </Section>

      <p class="portal-note" data-testid="verified">
        {service.last_verified_on ? t('service.verified', { date: formatDay(service.last_verified_on, lang) }) : t('service.notVerified')}
      </p>
    </article>
  );
}

export function ServicePage({ lang, id }: { lang: PortalLang; id: string }) {
  const service = useData(() => directoryApi.service(id), [id]);
  const terms = useData(loadTerms, []);
  usePageTitle(service.data?.name ?? (service.error ? t('errors.title') : null));
  if (service.loading && !service.data) return <Loading />;
  if (!service.data) {
    return (
      <div>
        <h1 id="main-heading" tabIndex={-1} class="portal-h1">
          {t('errors.title')}
        </h1>
        <ErrorBox error={service.error} onRetry={service.reload} />
        <Link href={servicesPath(lang)}>{t('service.back')}</Link>
      </div>
    );
  }
  return (
    <>
      <Details service={service.data} lang={lang} terms={terms.data} />
      <div class="portal-forms">
        <FeedbackForm id={id} lang={lang} />
        <SuggestionForm id={id} />
      </div>
    </>
  );
}
