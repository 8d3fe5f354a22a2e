import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { Icon } from '../../components/Icon';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { LoadState, Notice } from '../../components/forms';
import { useActionPanel } from '../../components/useActionPanel';
import { nationality } from '../../lib/countries';
import { addDays, formatDay, today } from '../../lib/dates';
import { type Msg, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { AbsenceForm, WithdrawForm } from './AbsenceForms';
import { ConfirmSection } from './ConfirmSection';
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
  const { data: report, error, reload } = useData(() => registerApi.day(id, day), [id, day]);
  const [notice, setNotice] = useState<Msg | null>(null);
  const panel = useActionPanel<Action>();
  const action = panel.action;
  usePageTitle(`${t('register.dayTitle', { day: formatDay(day, lang) })}${report ? ` · ${report.centre.name}` : ''}`);

  const open = (a: Action, e: Event) => {
    setNotice(null);
    panel.open(a, e);
  };
  const close = panel.close;
  const done = (text: Msg) => {
    setNotice(() => text);
    reload();
    panel.finish('register-guests-heading');
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
