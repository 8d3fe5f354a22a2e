// One file of a procedure: the legal clock first (due date, days left or late, suspended days),
// then the person, the steps with their days and who recorded them, the documents received and
// missing against the procedure's list, the suspensions and the decision; the SUI acts here.
import { useState } from 'preact/hooks';
import { PanelOpener } from '../../components/ActionPanel';
import { FormPage } from '../../components/FormPage';
import { useActionPanel } from '../../components/useActionPanel';
import { useFlash } from '../../components/flash';
import { LoadState, Notice } from '../../components/forms';
import { formatDay } from '../../lib/dates';
import { type Msg, useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { ContributionPanel } from '../protection/index';
import { useData } from '../../lib/useData';
import { type Procedure, type ProcedureFile, proceduresApi } from './api';
import { type Action, AdvanceForm, DecisionForm, DocumentForm, ResumeForm, SuspendForm, stepName, withNames } from './FileActions';
import { ClockBadge, daysText, Label, personName } from './parts';

export function FilePage({ id }: { id: number }) {
  const { t, lang } = useT();
  const { can } = useSession();
  // keepPrevious: a change of language keeps the page (an open form, its errors) while the names reload.
  const loaded = useData(() => proceduresApi.get(id), [id, lang], { keepPrevious: true });
  const catalogue = useData(() => proceduresApi.catalogue(lang), [lang]);
  // The file as the last act answered it, in the language it was asked in: a change of language
  // loads the file again (its names), and that answer, newer than the act's, is shown.
  const [shown, setShown] = useState<{ file: ProcedureFile; lang: string } | null>(null);
  const [done, setDone] = useState<Msg | null>(null);
  const flash = useFlash();
  const panel = useActionPanel<Action>();
  const f = shown?.lang === lang ? shown.file : loaded.data;
  const procedure = catalogue.data?.items.find((p) => p.id === f?.procedure.id);
  const save = async (call: () => Promise<ProcedureFile>, message: Msg) => {
    if (!f) return;
    const next = await withNames(call(), f, procedure, lang);
    setShown({ file: next, lang });
    setDone(() => message);
    panel.finish('procedure-file-done');
  };
  return (
    <FormPage title={f ? t('procedures.file.title', { protocol: f.protocol_number }) : t('procedures.files.title')} backHref="/procedure-files" backLabel={t('procedures.files.backToList')}>
      <LoadState error={loaded.error} ready={!!f}>
        {() =>
          f ? (
            <div data-testid="procedure-file">
              <div id="procedure-file-done" tabIndex={-1}>
                {done || flash ? <Notice kind="success">{done ? done(t) : flash}</Notice> : null}
              </div>
              <ClockPanel file={f} />
              <Details file={f} />
              {f.procedure.code === 'integration_agreement' ? <AgreementLinks file={f} /> : null}
              {f.procedure.code === 'temporary_protection_ukraine' && can('temporary_protection_contribution.read') ? <ContributionPanel personId={f.person.id} /> : null}
              {can('procedure_files.manage') && f.status === 'open' ? (
                <Actions file={f} procedure={procedure} panel={panel} save={save} />
              ) : null}
              <Steps file={f} procedure={procedure} />
              <Documents file={f} />
              <Suspensions file={f} />
            </div>
          ) : null
        }
      </LoadState>
    </FormPage>
  );
}

function ClockPanel({ file: f }: { file: ProcedureFile }) {
  const { t, lang } = useT();
  const c = f.clock;
  const days = daysText(c, t, lang);
  return (
    <section class={`card-wrapper mb-4 procedure-clock procedure-clock-${c.state}`} aria-labelledby="clock-heading" data-testid="procedure-clock">
      <div class="card shadow-sm">
        <div class="card-body">
          <h2 id="clock-heading" class="h4">
            {t('procedures.clock.title')}
          </h2>
          <p class="fs-5 mb-2 d-flex flex-wrap align-items-center gap-2">
            <ClockBadge state={c.state} class="fs-6" />
            {days ? <strong data-testid="procedure-days">{days}</strong> : null}
          </p>
          <dl class="row mb-0">
            <dt class="col-12 col-md-4 fw-semibold">{t('procedures.dueOn')}</dt>
            <dd class="col-12 col-md-8" data-testid="procedure-due">
              {c.due_on ? formatDay(c.due_on, lang) : t('procedures.clock.notStarted')}
            </dd>
            {c.state === 'suspended' ? (
              <>
                <dt class="col-12 col-md-4 fw-semibold">{t('procedures.states.suspended')}</dt>
                <dd class="col-12 col-md-8">{t('procedures.clock.frozen')}</dd>
              </>
            ) : null}
            <dt class="col-12 col-md-4 fw-semibold">{t('procedures.suspendedDays')}</dt>
            <dd class="col-12 col-md-8">{t('procedures.dayCount', { count: c.suspended_days, n: formatNumber(c.suspended_days, lang) })}</dd>
            {c.amount != null && c.counting ? (
              <>
                <dt class="col-12 col-md-4 fw-semibold">{t('procedures.clock.term')}</dt>
                <dd class="col-12 col-md-8">
                  {termText(c.amount, c.counting, t, lang)}
                  {c.rule_applies_from && c.rule_applies_from >= ALWAYS_BEFORE ? ` · ${t('procedures.appliesFrom', { day: formatDay(c.rule_applies_from, lang) })}` : ''}
                  {c.legal_reference ? (
                    <>
                      {' · '}
                      <bdi>{c.legal_reference}</bdi>
                    </>
                  ) : null}
                  {c.silent_consent ? ` · ${t('procedures.silentConsent')}` : ''}
                </dd>
              </>
            ) : null}
          </dl>
        </div>
      </div>
    </section>
  );
}

/** A rule dated before this (the server's earliest day, 1900-01-01) has applied since the law began. */
export const ALWAYS_BEFORE = '1950-01-01';

/** "150 calendar days", "24 months". */
export function termText(amount: number, counting: 'calendar' | 'working' | 'months', t: (k: string, o?: Record<string, unknown>) => string, lang: string): string {
  const n = formatNumber(amount, lang);
  if (counting === 'months') return t('procedures.term.months', { count: amount, n });
  if (counting === 'working') return t('procedures.term.working', { count: amount, n });
  return t('procedures.term.calendar', { count: amount, n });
}

function Details({ file: f }: { file: ProcedureFile }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const person = (p: { id: number; family_name: string; given_names: string }) =>
    can('persons.read') ? (
      <Link href={`/persons/${p.id}`}>
        <bdi>{personName(p)}</bdi>
      </Link>
    ) : (
      <bdi>{personName(p)}</bdi>
    );
  return (
    <dl class="row" data-testid="procedure-file-details">
      <dt class="col-12 col-md-4 fw-semibold">{t('procedures.procedure')}</dt>
      <dd class="col-12 col-md-8">
        <Label of={f.procedure} />
      </dd>
      <dt class="col-12 col-md-4 fw-semibold">{t('procedures.person')}</dt>
      <dd class="col-12 col-md-8">{person(f.person)}</dd>
      {f.sponsor ? (
        <>
          <dt class="col-12 col-md-4 fw-semibold">{t('procedures.sponsor')}</dt>
          <dd class="col-12 col-md-8">{person(f.sponsor)}</dd>
        </>
      ) : null}
      {f.employer ? (
        <>
          <dt class="col-12 col-md-4 fw-semibold">{t('procedures.employer')}</dt>
          <dd class="col-12 col-md-8">
            <bdi>{f.employer}</bdi>
          </dd>
        </>
      ) : null}
      <dt class="col-12 col-md-4 fw-semibold">{t('procedures.filedOn')}</dt>
      <dd class="col-12 col-md-8">{formatDay(f.filed_on, lang)}</dd>
      <dt class="col-12 col-md-4 fw-semibold">{t('procedures.currentStep')}</dt>
      <dd class="col-12 col-md-8" data-testid="procedure-current-step">
        <Label of={f.current_step} />
      </dd>
      {f.decision ? (
        <>
          <dt class="col-12 col-md-4 fw-semibold">{t('procedures.file.decision')}</dt>
          <dd class="col-12 col-md-8" data-testid="procedure-decision">
            {t('procedures.file.decidedBy', { outcome: t(`procedures.outcomes.${f.decision.outcome}`), day: formatDay(f.decision.decided_on, lang), name: f.decision.decided_by_name })}
            {f.decision.note ? (
              <>
                {' · '}
                <bdi>{f.decision.note}</bdi>
              </>
            ) : null}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** An integration agreement's file leads to the person's agreements, and the SUI records the signed one from here. */
function AgreementLinks({ file: f }: { file: ProcedureFile }) {
  const { t } = useT();
  const { can } = useSession();
  if (!can('integration_agreements.read')) return null;
  return (
    <p class="d-flex flex-wrap gap-3" data-testid="procedure-agreement-links">
      <Link href={`/integration-agreements?person_id=${f.person.id}`}>{t('procedures.file.agreementsOfPerson')}</Link>
      {can('integration_agreements.manage') ? (
        <Link href={`/integration-agreements?new=1&person_id=${f.person.id}&procedure_file_id=${f.id}`} data-testid="procedure-agreement-new">
          {t('procedures.file.recordAgreement')}
        </Link>
      ) : null}
    </p>
  );
}

function Actions({
  file: f,
  procedure,
  panel,
  save,
}: {
  file: ProcedureFile;
  procedure: Procedure | undefined;
  panel: ReturnType<typeof useActionPanel<Action>>;
  save: (call: () => Promise<ProcedureFile>, message: Msg) => Promise<void>;
}) {
  const { t } = useT();
  const open = f.suspensions.some((s) => !s.ended_on);
  const button = (a: Action, label: string) => <PanelOpener panel={panel} action={a} label={label} testId={`procedure-action-${a}`} />;
  const props = { file: f, procedure, save, onCancel: panel.close };
  return (
    <section aria-labelledby="actions-heading" class="mb-4">
      <h2 id="actions-heading" class="h4">
        {t('procedures.actions.title')}
      </h2>
      <div class="d-flex flex-wrap gap-2">
        {f.next_step ? button('advance', t('procedures.actions.advanceTo', { step: stepName(procedure, f.next_step) })) : null}
        {f.documents.some((d) => !d.received_on) ? button('document', t('procedures.actions.document')) : null}
        {open ? button('resume', t('procedures.actions.resume')) : button('suspend', t('procedures.actions.suspend'))}
        {button('decide', t('procedures.actions.decide'))}
      </div>
      {panel.action === 'advance' ? <AdvanceForm {...props} /> : null}
      {panel.action === 'document' ? <DocumentForm {...props} /> : null}
      {panel.action === 'suspend' ? <SuspendForm {...props} /> : null}
      {panel.action === 'resume' ? <ResumeForm {...props} /> : null}
      {panel.action === 'decide' ? <DecisionForm {...props} /> : null}
    </section>
  );
}

/** The steps the file went through, then those still ahead (from the catalogue), in order. */
function Steps({ file: f, procedure }: { file: ProcedureFile; procedure: Procedure | undefined }) {
  const { t, lang } = useT();
  const ahead = (procedure?.steps ?? []).filter((s) => !f.steps.some((x) => x.code === s.code));
  return (
    <section aria-labelledby="steps-heading" class="mb-4">
      <h2 id="steps-heading" class="h4">
        {t('procedures.file.steps')}
      </h2>
      <ol class="procedure-timeline list-unstyled" data-testid="procedure-steps">
        {f.steps.map((s) => (
          <li key={s.code} class="mb-3 ps-3 border-start border-3 border-primary" data-step={s.code}>
            <div class="fw-semibold">
              <Label of={s} />
              {s.code === f.current_step.code && f.status === 'open' ? <span class="badge bg-primary ms-2">{t('procedures.file.current')}</span> : null}
            </div>
            <div class="small">
              {t('procedures.file.enteredBy', { day: formatDay(s.entered_on, lang), name: s.recorded_by_name })} · {s.office}
            </div>
            {s.note ? (
              <div class="small preserve-lines" dir="auto">
                {s.note}
              </div>
            ) : null}
          </li>
        ))}
        {f.status === 'open'
          ? ahead.map((s) => (
              <li key={s.code} class="mb-3 ps-3 border-start border-3 text-secondary" data-step={s.code} data-ahead="true">
                <div>
                  <Label of={s} />
                </div>
                <div class="small">
                  {t('procedures.file.ahead')} · {s.office}
                </div>
              </li>
            ))
          : null}
      </ol>
    </section>
  );
}

function Documents({ file: f }: { file: ProcedureFile }) {
  const { t, lang } = useT();
  const missing = f.documents.filter((d) => d.required && !d.received_on).length;
  return (
    <section aria-labelledby="documents-heading" class="mb-4">
      <h2 id="documents-heading" class="h4">
        {t('procedures.file.documents')}
      </h2>
      <p data-testid="procedure-missing-count">{missing ? t('procedures.file.missingCount', { count: missing, n: formatNumber(missing, lang) }) : t('procedures.file.allRequiredIn')}</p>
      <div class="table-responsive" tabIndex={0} role="region" aria-label={t('procedures.file.documents')}>
        <table class="table table-sm" data-testid="procedure-documents">
          <caption class="visually-hidden">{t('procedures.file.documents')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('procedures.file.document')}</th>
              <th scope="col">{t('procedures.file.requiredColumn')}</th>
              <th scope="col">{t('procedures.file.receivedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {f.documents.map((d) => (
              <tr key={d.code} data-document={d.code}>
                <td>
                  <Label of={d} />
                </td>
                <td>{d.required ? t('procedures.file.required') : t('procedures.file.optional')}</td>
                <td>
                  {d.received_on ? (
                    formatDay(d.received_on, lang)
                  ) : d.required ? (
                    <span class="badge bg-danger">{t('procedures.file.missing')}</span>
                  ) : (
                    t('procedures.file.notReceived')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Suspensions({ file: f }: { file: ProcedureFile }) {
  const { t, lang } = useT();
  return (
    <section aria-labelledby="suspensions-heading" class="mb-4">
      <h2 id="suspensions-heading" class="h4">
        {t('procedures.file.suspensions')}
      </h2>
      {f.suspensions.length ? (
        <ul data-testid="procedure-suspensions">
          {f.suspensions.map((s) => (
            <li key={s.id}>
              {s.ended_on
                ? t('procedures.file.suspensionClosed', { from: formatDay(s.started_on, lang), to: formatDay(s.ended_on, lang) })
                : t('procedures.file.suspensionOpen', { from: formatDay(s.started_on, lang) })}{' '}
              — <bdi>{s.reason}</bdi>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('procedures.file.noSuspensions')}</p>
      )}
    </section>
  );
}
