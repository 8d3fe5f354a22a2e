import { Fragment } from 'preact';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Icon } from '../../components/Icon';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { LoadState } from '../../components/forms';
import { useActionPanel } from '../../components/useActionPanel';
import { NARROW, useMediaQuery } from '../../components/useMediaQuery';
import { nationality } from '../../lib/countries';
import { addDays, formatDay, today } from '../../lib/dates';
import { type Msg, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { AbsenceForm, WithdrawForm } from './AbsenceForms';
import { AbsenceRun, NoticeAction } from './NoticeParts';
import { ConfirmSection, type Feedback, RowNotice } from './ConfirmSection';
import { ConfirmationHistory, EntryHistory } from './RegisterHistory';
import { SignedSheets } from './SignedSheets';
import { registerApi, type RegisterGuest } from './api';
import { dayPath, DayStatusBadge, guestName } from './registerParts';

export type Action = { kind: 'absence' | 'withdraw'; guest: RegisterGuest } | null;

/** /centres/:id/register/:day: the daily report, with the case worker's actions. */
export function RegisterDayPage({ id, day }: { id: number; day: string }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const record = can('register.record');
  const notify = can('absences.notify');
  const narrow = useMediaQuery(NARROW);
  const { data: report, error, reload } = useData(() => registerApi.day(id, day), [id, day]);
  // The outcome of the last act, shown beside what changed: the guest's row or card, or the confirmation.
  const [notice, setNotice] = useState<Feedback | null>(null);
  const panel = useActionPanel<Action>();
  const action = panel.action;
  usePageTitle(`${t('register.dayTitle', { day: formatDay(day, lang) })}${report ? ` · ${report.centre.name}` : ''}`);

  const open = (a: Action, e: Event) => {
    setNotice(null);
    panel.open(a, e);
  };
  const close = panel.close;
  // The data is reloaded in place (the page keeps what it shows meanwhile) and the focus goes to
  // the message beside the row without scrolling: the user stays where they were.
  const done = (person: number | null) => (text: Msg) => {
    setNotice({ person, text });
    reload();
    panel.finish(person === null ? 'register-confirm-notice' : `register-notice-${person}`, { keepScroll: true });
  };

  const isToday = day >= today();
  const columns = record ? 6 : 5;

  const presence = (g: RegisterGuest) =>
    g.absence ? (
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
    );

  // The run of absence without notice and the notice to the Prefettura, under the presence.
  const absences = (g: RegisterGuest) => (
    <>
      <AbsenceRun guest={g} />
      <NoticeAction guest={g} canSend={notify} onDone={done(g.person_id)} />
    </>
  );

  const form = (g: RegisterGuest): ComponentChildren =>
    action && action.guest.person_id === g.person_id ? (
      action.kind === 'absence' ? (
        <AbsenceForm id={id} day={day} guest={g} onCancel={close} onDone={done(g.person_id)} />
      ) : (
        <WithdrawForm id={id} day={day} guest={g} onCancel={close} onDone={done(g.person_id)} />
      )
    ) : null;

  const rowNotice = (g: RegisterGuest) =>
    notice && notice.person === g.person_id ? <RowNotice id={`register-notice-${g.person_id}`} text={notice.text} /> : null;

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
                    {t('register.countsValue', { count: report.counts.guests, present: report.counts.present, absent: report.counts.absent })}
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
                {!report.guests.length ? (
                  <p>{t('register.noGuests')}</p>
                ) : narrow ? (
                  // A phone: one card per guest, with a large present/absent choice.
                  <ul class="register-cards list-unstyled" data-testid="register-cards" aria-label={t('register.guestsCaption', { day: formatDay(day, lang) })}>
                    {report.guests.map((g) => (
                      <li key={g.person_id} class="register-card" data-person={g.person_id} data-present={String(g.present)}>
                        <h3 class="h5 mb-1" id={`guest-${g.person_id}-name`}>
                          <bdi>{guestName(g)}</bdi>
                        </h3>
                        <p class="small mb-2">
                          {nationality(g.nationality, lang, t)} · {t(`categories.${g.category}`, { defaultValue: g.category })} ·{' '}
                          {t('register.arrivalOn', { date: formatDay(g.arrival_date, lang) })}
                        </p>
                        <div class="mb-2" data-testid="guest-presence">
                          {presence(g)}
                          {absences(g)}
                        </div>
                        {record ? (
                          <div class="register-toggle no-print" role="group" aria-labelledby={`guest-${g.person_id}-name`}>
                            <button
                              type="button"
                              class={`btn ${g.absence ? 'btn-outline-primary' : 'btn-primary'}`}
                              aria-pressed={g.absence ? 'false' : 'true'}
                              data-testid={g.absence ? 'withdraw-open' : 'present-current'}
                              onClick={(e) => g.absence && open({ kind: 'withdraw', guest: g }, e)}
                            >
                              {t('register.togglePresent')}
                            </button>
                            <button
                              type="button"
                              class={`btn ${g.absence ? 'btn-primary' : 'btn-outline-primary'}`}
                              aria-pressed={g.absence ? 'true' : 'false'}
                              data-testid={g.absence ? 'absent-current' : 'absence-open'}
                              onClick={(e) => !g.absence && open({ kind: 'absence', guest: g }, e)}
                            >
                              {t('register.toggleAbsent')}
                            </button>
                          </div>
                        ) : null}
                        {form(g)}
                        {rowNotice(g)}
                      </li>
                    ))}
                  </ul>
                ) : (
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
                              {presence(g)}
                              {absences(g)}
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
                              <td colSpan={columns}>{form(g)}</td>
                            </tr>
                          ) : null}
                          {notice && notice.person === g.person_id ? (
                            <tr class="no-print register-notice-row" data-notice-for={g.person_id}>
                              <td colSpan={columns}>{rowNotice(g)}</td>
                            </tr>
                          ) : null}
                        </Fragment>
                      ))}
                    </tbody>
                  </TableRegion>
                )}
              </section>

              {record ? <ConfirmSection id={id} report={report} notice={notice && notice.person === null ? notice.text : null} onDone={done(null)} /> : null}
              <SignedSheets id={id} report={report} record={record} />
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
