// The daily presence register of a centre: the section on the centre page, the overview of the
// last 30 days and the day's register (the daily report, printable). Case workers record
// absences and confirm the day; the Prefettura and the inspectors read it.
import { Fragment } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { Icon } from '../../components/Icon';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { FormErrors, LoadState, Notice, SelectField, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { nationality } from '../../lib/countries';
import { addDays, formatDateTime, formatDay, today } from '../../lib/dates';
import { plainRuleErrors } from '../../lib/errors';
import { type TFunction, useT } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { ABSENCE_REASONS, type DayStatus, registerApi, type RegisterDay, type RegisterGuest } from './api';

/** A message kept as what to say, so it follows language changes. */
type Msg = (t: TFunction) => string;

const STATUS_CLASS: Record<DayStatus, string> = {
  unconfirmed: 'bg-warning text-dark',
  confirmed: 'bg-success',
  changed_since_confirmation: 'bg-danger',
};

/** The status of a day, in words (the colour only repeats it). */
export function DayStatusBadge({ status }: { status: DayStatus }) {
  const { t } = useT();
  return (
    <span class={`badge ${STATUS_CLASS[status] ?? 'bg-secondary'}`} data-status={status}>
      {t(`register.statuses.${status}`)}
    </span>
  );
}

/** Rule errors the page explains itself: the server's English field reasons are dropped. */
const RULE_CODES = new Set(['already_confirmed', 'already_absent', 'already_withdrawn', 'not_an_absence', 'not_placed', 'future_date']);

const ruleErrors = <T,>(p: Promise<T>) => plainRuleErrors(p, RULE_CODES);

const guestName = (g: RegisterGuest) => `${g.family_name} ${g.given_names}`;
const dayPath = (id: number, day: string) => `/centres/${id}/register/${day}`;

/** On the centre page: the days waiting for confirmation and the way to the register. */
export function RegisterSection({ id }: { id: number }) {
  const { t } = useT();
  const { data: overview, error } = useData(() => registerApi.overview(id), [id]);
  return (
    <section aria-labelledby="register-heading" class="mb-5" data-testid="register-section">
      <h2 id="register-heading" class="h3">
        {t('register.title')}
      </h2>
      <LoadState error={error} ready={!!overview}>
        {() =>
          overview && (
            <p>
              {t('register.sectionSummary', {
                unconfirmed: overview.totals.unconfirmed,
                changed: overview.totals.changed_since_confirmation,
              })}
            </p>
          )
        }
      </LoadState>
      <Link href={`/centres/${id}/register`} class="btn btn-outline-primary" data-testid="register-open">
        {t('register.open')}
      </Link>
    </section>
  );
}

function BackToCentre({ id }: { id: number }) {
  const { t } = useT();
  return (
    <Link href={`/centres/${id}`} class="back-link d-inline-flex align-items-center mb-3 no-print">
      <Icon name="chevron-left" class="icon-primary icon-sm" directional />
      {t('register.backToCentre')}
    </Link>
  );
}

/** A date field that opens the register of the chosen day; days after today cannot be chosen. */
function DayPicker({ id, initial }: { id: number; initial: string }) {
  const { t } = useT();
  const [day, setDay] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const max = today();
  return (
    <form
      class="row align-items-end no-print"
      data-testid="register-day-picker"
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) setError(t('fieldErrors.required'));
        else if (day > max) setError(t('errors.future_date'));
        else {
          setError(undefined);
          navigate(dayPath(id, day));
        }
      }}
    >
      <div class="col-12 col-md-6">
        <TextField id="register-day" label={t('register.chooseDay')} type="date" max={max} value={day} onValue={setDay} error={error} />
      </div>
      <div class="col-12 col-md-6 mb-4">
        <button type="submit" class="btn btn-outline-primary">
          {t('register.openDay')}
        </button>
      </div>
    </form>
  );
}

/** /centres/:id/register: the last 30 days, one line each. */
export function RegisterOverviewPage({ id }: { id: number }) {
  const { t, lang } = useT();
  const { data: overview, error } = useData(() => registerApi.overview(id), [id]);
  usePageTitle(overview ? `${t('register.title')} · ${overview.centre.name}` : t('register.title'));
  return (
    <div data-testid="register-overview">
      <BackToCentre id={id} />
      <h1 id="main-heading" tabIndex={-1}>
        {t('register.title')}
      </h1>
      <LoadState error={error} ready={!!overview}>
        {() =>
          overview && (
            <>
              <p class="lead">
                <bdi>{overview.centre.name}</bdi>
              </p>
              <p>
                {t('register.totals', {
                  from: formatDay(overview.from, lang),
                  to: formatDay(overview.to, lang),
                  presence: overview.totals.presence_days,
                  absence: overview.totals.absence_days,
                  unconfirmed: overview.totals.unconfirmed,
                  changed: overview.totals.changed_since_confirmation,
                })}
              </p>
              <DayPicker id={id} initial={addDays(today(), -1)} />
              <TableRegion label={t('register.overviewCaption')} testId="register-days">
                <thead>
                  <tr>
                    <th scope="col">{t('register.day')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col" class="text-end">
                      {t('register.present')}
                    </th>
                    <th scope="col" class="text-end">
                      {t('register.absent')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.items
                    .slice()
                    .reverse()
                    .map((d) => (
                      <tr key={d.day} data-day={d.day} data-status={d.status}>
                        <th scope="row" class="fw-normal">
                          <Link href={dayPath(id, d.day)}>{formatDay(d.day, lang)}</Link>
                        </th>
                        <td>
                          <DayStatusBadge status={d.status} />
                        </td>
                        <td class="text-end">{d.present}</td>
                        <td class="text-end">{d.absent}</td>
                      </tr>
                    ))}
                </tbody>
              </TableRegion>
            </>
          )
        }
      </LoadState>
    </div>
  );
}

type Action = { kind: 'absence' | 'withdraw'; guest: RegisterGuest } | null;

/** /centres/:id/register/:day: the daily report, with the case worker's actions. */
export function RegisterDayPage({ id, day }: { id: number; day: string }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const record = can('register.record');
  const { data: report, error, reload } = useData(() => registerApi.day(id, day), [id, day]);
  const [notice, setNotice] = useState<Msg | null>(null);
  const [action, setAction] = useState<Action>(null);
  const opener = useRef<HTMLElement | null>(null);
  usePageTitle(`${t('register.dayTitle', { day: formatDay(day, lang) })}${report ? ` · ${report.centre.name}` : ''}`);

  const open = (a: Action, e: Event) => {
    opener.current = e.currentTarget as HTMLElement;
    setNotice(null);
    setAction(a);
  };
  const close = () => {
    setAction(null);
    window.setTimeout(() => opener.current?.focus(), 0);
  };
  const done = (text: Msg) => {
    setAction(null);
    setNotice(() => text);
    reload();
    window.setTimeout(() => document.getElementById('register-guests-heading')?.focus(), 0);
  };

  const isToday = day >= today();
  const columns = record ? 6 : 5;

  return (
    <div data-testid="register-day" data-day={day}>
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-2 no-print">
        <Link href={`/centres/${id}/register`} class="back-link d-inline-flex align-items-center mb-3">
          <Icon name="chevron-left" class="icon-primary icon-sm" directional />
          {t('register.backToOverview')}
        </Link>
        <nav aria-label={t('register.dayNav')} class="d-flex gap-3 mb-3">
          <Link href={dayPath(id, addDays(day, -1))} data-testid="register-prev">
            {t('register.previousDay')}
          </Link>
          {isToday ? null : (
            <Link href={dayPath(id, addDays(day, 1))} data-testid="register-next">
              {t('register.nextDay')}
            </Link>
          )}
        </nav>
      </div>
      <div class="d-flex flex-wrap align-items-center gap-3 mb-4">
        <h1 id="main-heading" tabIndex={-1} class="mb-0">
          {t('register.dayTitle', { day: formatDay(day, lang) })}
        </h1>
        {report ? <DayStatusBadge status={report.status} /> : null}
      </div>
      <LoadState error={error} ready={!!report}>
        {() =>
          report && (
            <div class="register-report">
              <div aria-live="polite" data-testid="register-notice" class="no-print">
                {notice ? <Notice kind="success">{notice(t)}</Notice> : null}
              </div>
              <dl class="row register-summary" data-testid="register-summary">
                <div class="col-12 col-md-6 mb-3">
                  <dt class="fw-semibold">{t('register.centre')}</dt>
                  <dd class="mb-0">
                    <bdi>{report.centre.name}</bdi>
                    <div>
                      <bdi>{report.centre.address}</bdi>
                    </div>
                  </dd>
                </div>
                <div class="col-12 col-md-6 mb-3">
                  <dt class="fw-semibold">{t('register.day')}</dt>
                  <dd class="mb-0">{formatDay(report.day, lang)}</dd>
                </div>
                <div class="col-12 col-md-6 mb-3">
                  <dt class="fw-semibold">{t('common.status')}</dt>
                  <dd class="mb-0" data-testid="register-status" data-status={report.status}>
                    {t(`register.statuses.${report.status}`)}
                  </dd>
                </div>
                <div class="col-12 col-md-6 mb-3">
                  <dt class="fw-semibold">{t('register.counts')}</dt>
                  <dd class="mb-0" data-testid="register-counts">
                    {t('register.countsValue', { guests: report.counts.guests, present: report.counts.present, absent: report.counts.absent })}
                  </dd>
                </div>
              </dl>
              <div class="d-flex flex-wrap gap-2 mb-4 no-print">
                <button type="button" class="btn btn-outline-primary" data-testid="register-print" onClick={() => window.print()}>
                  {t('register.print')}
                </button>
              </div>

              <section aria-labelledby="register-guests-heading" class="mb-5">
                <h2 id="register-guests-heading" class="h3" tabIndex={-1}>
                  {t('register.guestsHeading')}
                </h2>
                {report.guests.length ? (
                  <TableRegion label={t('register.guestsCaption', { day: formatDay(day, lang) })} testId="register-guests">
                    <thead>
                      <tr>
                        <th scope="col">{t('persons.name')}</th>
                        <th scope="col">{t('persons.nationality')}</th>
                        <th scope="col">{t('placements.category')}</th>
                        <th scope="col">{t('register.arrival')}</th>
                        <th scope="col">{t('register.presence')}</th>
                        {record ? (
                          <th scope="col" class="no-print">
                            <span class="visually-hidden">{t('common.actions')}</span>
                          </th>
                        ) : null}
                      </tr>
                    </thead>
                    <tbody>
                      {report.guests.map((g) => (
                        <Fragment key={g.person_id}>
                          <tr data-person={g.person_id} data-present={String(g.present)}>
                            <th scope="row" class="fw-normal">
                              <bdi>{guestName(g)}</bdi>
                            </th>
                            <td>{nationality(g.nationality, lang, t)}</td>
                            <td>{t(`categories.${g.category}`, { defaultValue: g.category })}</td>
                            <td>{formatDay(g.arrival_date, lang)}</td>
                            <td data-testid="guest-presence">
                              {g.absence ? (
                                <>
                                  <span class="fw-semibold">{t('register.absentWith', { reason: t(`register.reasons.${g.absence.reason}`) })}</span>
                                  {g.absence.note ? (
                                    <div class="small">
                                      <bdi>{g.absence.note}</bdi>
                                    </div>
                                  ) : null}
                                </>
                              ) : (
                                t('register.presentValue')
                              )}
                            </td>
                            {record ? (
                              <td class="text-end no-print">
                                <button
                                  type="button"
                                  class="btn btn-outline-primary btn-xs"
                                  data-testid={g.absence ? 'withdraw-open' : 'absence-open'}
                                  onClick={(e) => open({ kind: g.absence ? 'withdraw' : 'absence', guest: g }, e)}
                                >
                                  {t(g.absence ? 'register.withdraw' : 'register.markAbsent')}
                                  <span class="visually-hidden"> {guestName(g)}</span>
                                </button>
                              </td>
                            ) : null}
                          </tr>
                          {action && action.guest.person_id === g.person_id ? (
                            <tr class="no-print">
                              <td colSpan={columns}>
                                {action.kind === 'absence' ? (
                                  <AbsenceForm id={id} day={day} guest={g} onCancel={close} onDone={done} />
                                ) : (
                                  <WithdrawForm id={id} day={day} guest={g} onCancel={close} onDone={done} />
                                )}
                              </td>
                            </tr>
                          ) : null}
                        </Fragment>
                      ))}
                    </tbody>
                  </TableRegion>
                ) : (
                  <p>{t('register.noGuests')}</p>
                )}
              </section>

              {record ? <ConfirmSection id={id} report={report} onDone={done} /> : null}
              <ConfirmationHistory report={report} />
              <EntryHistory report={report} />
              <div class="print-only signature-line">
                <p>{t('register.signature')}</p>
              </div>
            </div>
          )
        }
      </LoadState>
    </div>
  );
}



type FormProps = { id: number; day: string; guest: RegisterGuest; onCancel: () => void; onDone: (text: Msg) => void };

function AbsenceForm({ id, day, guest, onCancel, onDone }: FormProps) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const labels = { reason: t('register.reason'), note: t('register.note') };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!reason) e.reason = ['fieldErrors.required'];
      if (reason === 'other' && !note.trim()) e.note = ['fieldErrors.required'];
      return e;
    },
    action: async () => {
      await ruleErrors(registerApi.absence(id, day, { person_id: guest.person_id, reason, ...(note.trim() ? { note: note.trim() } : {}) }));
      const name = guestName(guest);
      onDone((t) => t('register.absenceRecorded', { person: name }));
    },
  });
  return (
    <ActionPanel compact id="absence-form" title={t('register.absenceTitle', { person: guestName(guest) })}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="absence-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField
              id="reason"
              label={labels.reason}
              required
              value={reason}
              onValue={setReason}
              empty={t('common.choose')}
              options={ABSENCE_REASONS.map((r) => ({ value: r, label: t(`register.reasons.${r}`) }))}
              error={errors.fields.reason}
            />
          </div>
          <div class="col-12 col-md-6">
            <TextAreaField
              id="note"
              label={labels.note}
              hint={t('register.noteHint')}
              required={reason === 'other'}
              maxLength={1000}
              rows={2}
              value={note}
              onValue={setNote}
              error={errors.fields.note}
            />
          </div>
        </div>
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('register.markAbsent')} testId="absence-submit" />
      </form>
    </ActionPanel>
  );
}

function WithdrawForm({ id, day, guest, onCancel, onDone }: FormProps) {
  const { t } = useT();
  const [note, setNote] = useState('');
  const labels = { note: t('register.withdrawNote') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (note.trim() ? {} : { note: ['fieldErrors.required'] }),
    action: async () => {
      await ruleErrors(registerApi.withdraw(id, day, guest.absence!.id, note.trim()));
      const name = guestName(guest);
      onDone((t) => t('register.absenceWithdrawn', { person: name }));
    },
  });
  return (
    <ActionPanel compact id="withdraw-form" title={t('register.withdrawTitle', { person: guestName(guest) })}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="withdraw-form-heading">
        <TextAreaField id="withdraw-note" label={labels.note} required maxLength={1000} rows={2} value={note} onValue={setNote} error={errors.fields.note} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('register.withdraw')} testId="withdraw-submit" />
      </form>
    </ActionPanel>
  );
}

/** Confirming the day as it stands; after a change to a confirmed day, confirming again. */
function ConfirmSection({ id, report, onDone }: { id: number; report: RegisterDay; onDone: (text: Msg) => void }) {
  const { t } = useT();
  const [note, setNote] = useState('');
  const again = report.status === 'changed_since_confirmation';
  const labels = { note: t('register.confirmNote') };
  const { errors, busy, submit } = useFormSubmit({
    action: async () => {
      await ruleErrors(registerApi.confirm(id, report.day, note.trim() || undefined));
      setNote('');
      onDone((t) => t(again ? 'register.reconfirmed' : 'register.confirmed'));
    },
  });
  return (
    <section aria-labelledby="register-confirm-heading" class="mb-5 no-print" data-testid="register-confirm">
      <h2 id="register-confirm-heading" class="h3">
        {t('register.confirmHeading')}
      </h2>
      {report.status === 'confirmed' ? (
        <p data-testid="register-confirmed-text">{t('register.alreadyConfirmedText')}</p>
      ) : (
        <>
          <p>{again ? t('register.changedText') : t('register.unconfirmedText')}</p>
          <FormErrors errors={errors} labels={labels} />
          <form onSubmit={submit} noValidate aria-labelledby="register-confirm-heading">
            <TextAreaField id="confirm-note" label={labels.note} maxLength={1000} rows={2} value={note} onValue={setNote} error={errors.fields.note} />
            <FormButtons busy={busy} saveLabel={again ? t('register.reconfirm') : t('register.confirm')} testId="confirm-submit" />
          </form>
        </>
      )}
    </section>
  );
}

function ConfirmationHistory({ report }: { report: RegisterDay }) {
  const { t, lang } = useT();
  return (
    <section aria-labelledby="register-confirmations-heading" class="mb-5">
      <h2 id="register-confirmations-heading" class="h3">
        {t('register.confirmationsHeading')}
      </h2>
      {report.confirmations.length ? (
        <TableRegion label={t('register.confirmationsHeading')} captionHidden small testId="register-confirmations">
          <thead>
            <tr>
              <th scope="col">{t('register.when')}</th>
              <th scope="col">{t('register.who')}</th>
              <th scope="col">{t('register.kind')}</th>
              <th scope="col" class="text-end">
                {t('register.present')}
              </th>
              <th scope="col" class="text-end">
                {t('register.absent')}
              </th>
              <th scope="col">{t('register.note')}</th>
            </tr>
          </thead>
          <tbody>
            {report.confirmations.map((c) => (
              <tr key={c.id}>
                <th scope="row" class="fw-normal">
                  {formatDateTime(c.confirmed_at, lang)}
                </th>
                <td>
                  <bdi>{c.confirmed_by.display_name}</bdi>
                </td>
                <td>{c.corrects_id ? t('register.reconfirmation') : t('register.firstConfirmation')}</td>
                <td class="text-end">{c.present}</td>
                <td class="text-end">{c.absent}</td>
                <td>{c.note ? <bdi>{c.note}</bdi> : null}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      ) : (
        <p>{t('register.noConfirmations')}</p>
      )}
    </section>
  );
}

/** Every absence entry of the day, withdrawals too: the corrections, in order. */
function EntryHistory({ report }: { report: RegisterDay }) {
  const { t, lang } = useT();
  const names = new Map(report.guests.map((g) => [g.person_id, guestName(g)]));
  if (!report.entries.length) return null;
  return (
    <section aria-labelledby="register-entries-heading" class="mb-5">
      <h2 id="register-entries-heading" class="h3">
        {t('register.entriesHeading')}
      </h2>
      <TableRegion label={t('register.entriesHeading')} captionHidden small testId="register-entries">
        <thead>
          <tr>
            <th scope="col">{t('register.when')}</th>
            <th scope="col">{t('register.who')}</th>
            <th scope="col">{t('persons.name')}</th>
            <th scope="col">{t('register.kind')}</th>
            <th scope="col">{t('register.note')}</th>
          </tr>
        </thead>
        <tbody>
          {report.entries.map((e) => (
            <tr key={e.id} data-entry={e.id}>
              <th scope="row" class="fw-normal">
                {formatDateTime(e.recorded_at, lang)}
              </th>
              <td>
                <bdi>{e.recorded_by.display_name}</bdi>
              </td>
              <td>
                <bdi>{names.get(e.person_id) ?? `#${e.person_id}`}</bdi>
              </td>
              <td>
                {e.withdraws_id
                  ? t('register.entryWithdrawal')
                  : t('register.entryAbsence', { reason: t(`register.reasons.${e.reason}`) })}
              </td>
              <td>{e.note ? <bdi>{e.note}</bdi> : null}</td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
    </section>
  );
}
