// The catalogue of procedures (every staff role reads it: it is law, not personal data): for each,
// its steps and offices, the documents it asks for, its dated term rules (a change of law is a new
// rule from the day it applies) and its fee. The admin's editor is not in this slice.
import { usePageTitle } from '../../components/PageTitle';
import { LoadState } from '../../components/forms';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { type Procedure, proceduresApi } from './api';
import { ALWAYS_BEFORE, termText } from './FilePage';
import { stepName } from './FileActions';

export function Catalogue() {
  const { t } = useT();
  const { can } = useSession();
  const title = t('procedures.catalogue.title');
  usePageTitle(title);
  const loaded = useData(() => proceduresApi.catalogue(), []);
  return (
    <div>
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      <p>
        {t('procedures.catalogue.intro')}
        {can('procedure_files.read') ? (
          <>
            {' '}
            <Link href="/procedure-files">{t('procedures.catalogue.toFiles')}</Link>
          </>
        ) : null}
      </p>
      <LoadState error={loaded.error} ready={!!loaded.data}>
        {() => (
          <>
            <nav aria-label={t('procedures.catalogue.contents')} class="mb-4">
              <ul>
                {(loaded.data?.items ?? []).map((p) => (
                  <li key={p.id}>
                    <a href={`#procedure-${p.code}`}>{p.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
            {(loaded.data?.items ?? []).map((p) => (
              <ProcedureSection key={p.id} procedure={p} />
            ))}
          </>
        )}
      </LoadState>
    </div>
  );
}

function fee(cents: number | null, lang: string): string | null {
  if (cents == null) return null;
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

function ProcedureSection({ procedure: p }: { procedure: Procedure }) {
  const { t, lang } = useT();
  const amount = fee(p.fee_cents, lang);
  const maxDays = t('procedures.dayCount', { count: p.max_suspension_days, n: formatNumber(p.max_suspension_days, lang) });
  return (
    <section id={`procedure-${p.code}`} aria-labelledby={`procedure-${p.code}-heading`} class="mb-5" data-procedure={p.code}>
      <h2 id={`procedure-${p.code}-heading`} class="h3">
        {p.name}
        {p.active ? null : <span class="badge bg-secondary ms-2">{t('procedures.catalogue.inactive')}</span>}
      </h2>
      {p.description ? (
        <p class="preserve-lines" lang="it">
          {p.description}
        </p>
      ) : null}
      <dl class="row">
        <dt class="col-12 col-md-4 fw-semibold">{t('procedures.catalogue.legalBasis')}</dt>
        <dd class="col-12 col-md-8">
          <bdi>{p.legal_basis}</bdi>
        </dd>
        <dt class="col-12 col-md-4 fw-semibold">{t('procedures.catalogue.fee')}</dt>
        <dd class="col-12 col-md-8">
          {amount ?? t('procedures.catalogue.noFee')}
          {p.fee_note ? (
            <>
              {' · '}
              <bdi>{p.fee_note}</bdi>
            </>
          ) : null}
        </dd>
        <dt class="col-12 col-md-4 fw-semibold">{t('procedures.file.suspensions')}</dt>
        <dd class="col-12 col-md-8">
          {p.max_suspensions ? t('procedures.catalogue.suspensionRule', { count: p.max_suspensions, n: formatNumber(p.max_suspensions, lang), days: maxDays }) : t('procedures.catalogue.noSuspensions')}
        </dd>
      </dl>
      <div class="row">
        <div class="col-12 col-lg-6">
          <h3 class="h5">{t('procedures.file.steps')}</h3>
          <ol>
            {p.steps.map((s) => (
              <li key={s.code}>
                {s.name} <span class="small text-secondary">· {s.office}</span>
              </li>
            ))}
          </ol>
        </div>
        <div class="col-12 col-lg-6">
          <h3 class="h5">{t('procedures.file.documents')}</h3>
          <ul>
            {p.documents.map((d) => (
              <li key={d.code}>
                {d.name} <span class="small text-secondary">· {d.required ? t('procedures.file.required') : t('procedures.file.optional')}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <h3 class="h5">{t('procedures.catalogue.terms')}</h3>
      <div class="table-responsive" tabIndex={0} role="region" aria-label={t('procedures.catalogue.termsOf', { procedure: p.name })}>
        <table class="table table-sm">
          <caption class="visually-hidden">{t('procedures.catalogue.termsOf', { procedure: p.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('procedures.catalogue.term')}</th>
              <th scope="col">{t('procedures.catalogue.appliesFromColumn')}</th>
              <th scope="col">{t('procedures.catalogue.length')}</th>
              <th scope="col">{t('procedures.catalogue.runsFrom')}</th>
              <th scope="col">{t('procedures.catalogue.legalReference')}</th>
            </tr>
          </thead>
          <tbody>
            {p.terms.map((r) => (
              <tr key={`${r.term}-${r.applies_from}`} data-term={r.term}>
                <td>
                  {r.term === p.clock_term ? t('procedures.catalogue.clockTerm') : <code>{r.term}</code>}
                </td>
                <td>{r.applies_from < ALWAYS_BEFORE ? t('procedures.catalogue.always') : formatDay(r.applies_from, lang)}</td>
                <td>
                  {termText(r.amount, r.counting, t, lang)}
                  {r.saturday === 'moves' ? ` · ${t('procedures.catalogue.saturdayMoves')}` : ''}
                  {r.silent_consent ? ` · ${t('procedures.silentConsent')}` : ''}
                </td>
                <td>{stepName(p, r.start_event)}</td>
                <td>
                  <bdi>{r.legal_reference}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
