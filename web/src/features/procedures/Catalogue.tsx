// The catalogue of procedures (every staff role reads it: it is law, not personal data): for each,
// its steps and offices, the documents it asks for, its dated term rules (a change of law is a new
// rule from the day it applies) and its fee. Names in the app's language where the catalogue has
// them (decision 0043), else Italian, marked so. The admin adds (?new=1) and edits (?edit=id) a
// procedure with CatalogueForm.
import { usePageTitle } from '../../components/PageTitle';
import { useFlash } from '../../components/flash';
import { LoadState, Notice } from '../../components/forms';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { Link, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { type Procedure, proceduresApi } from './api';
import { CatalogueForm } from './CatalogueForm';
import { ALWAYS_BEFORE, termText } from './FilePage';


export function Catalogue() {
  const loc = useLocation();
  const { can } = useSession();
  const edit = loc.query.get('edit');
  if (can('procedures.edit') && loc.query.get('new')) return <CatalogueForm />;
  if (can('procedures.edit') && edit && /^\d+$/.test(edit)) return <CatalogueForm key={edit} id={Number(edit)} />;
  return <CatalogueView />;
}

function CatalogueView() {
  const { t, lang } = useT();
  const { can } = useSession();
  const title = t('procedures.catalogue.title');
  usePageTitle(title);
  const message = useFlash();
  const loaded = useData(() => proceduresApi.catalogue(lang), [lang]);
  return (
    <div>
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {can('procedures.edit') ? (
        <p>
          <Link href="/procedures?new=1" class="btn btn-primary" data-testid="procedure-new">
            {t('procedures.editor.new')}
          </Link>
        </p>
      ) : null}
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
                    <a href={`#procedure-${p.code}`} lang={p.label_lang}>
                      {p.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {(loaded.data?.items ?? []).map((p) => (
              <ProcedureSection key={p.id} procedure={p} editable={can('procedures.edit')} />
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

function ProcedureSection({ procedure: p, editable }: { procedure: Procedure; editable: boolean }) {
  const { t, lang } = useT();
  const stepLabel = (code: string) => p.steps.find((s) => s.code === code)?.label ?? code;
  const amount = fee(p.fee_cents, lang);
  const maxDays = t('procedures.dayCount', { count: p.max_suspension_days, n: formatNumber(p.max_suspension_days, lang) });
  return (
    <section id={`procedure-${p.code}`} aria-labelledby={`procedure-${p.code}-heading`} class="mb-5" data-procedure={p.code}>
      <h2 id={`procedure-${p.code}-heading`} class="h3">
        <span lang={p.label_lang}>{p.label}</span>
        {p.active ? null : <span class="badge bg-secondary ms-2">{t('procedures.catalogue.inactive')}</span>}
      </h2>
      {editable ? (
        <p>
          <Link href={`/procedures?edit=${p.id}`} class="btn btn-outline-primary btn-sm" data-testid="procedure-edit">
            {t('procedures.editor.edit', { procedure: p.label })}
          </Link>
        </p>
      ) : null}
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
                <span lang={s.label_lang}>{s.label}</span>{' '}
                <span class="small text-secondary" lang="it">
                  · {s.office}
                </span>
              </li>
            ))}
          </ol>
        </div>
        <div class="col-12 col-lg-6">
          <h3 class="h5">{t('procedures.file.documents')}</h3>
          <ul>
            {p.documents.map((d) => (
              <li key={d.code}>
                <span lang={d.label_lang}>{d.label}</span> <span class="small text-secondary">· {d.required ? t('procedures.file.required') : t('procedures.file.optional')}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <h3 class="h5">{t('procedures.catalogue.terms')}</h3>
      <div class="table-responsive" tabIndex={0} role="region" aria-label={t('procedures.catalogue.termsOf', { procedure: p.label })}>
        <table class="table table-sm">
          <caption class="visually-hidden">{t('procedures.catalogue.termsOf', { procedure: p.label })}</caption>
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
                <td>{stepLabel(r.start_event)}</td>
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
