// /absence-notices: the notices of absence without notice (segnalazioni di allontanamento) sent to
// the Prefettura, and the officer's decision on each: no measure, a reduction (pocket money
// suspended for 30 days to 6 months) or the revocation of reception (decree number and date; the
// placement ends on the decree date). Before a revocation is recorded, the confirm dialog shows
// the register days that change, from a dry run of the same request.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { FormButtons } from '../../components/ActionPanel';
import { Consequences, Facts, useConfirm } from '../../components/ConfirmDialog';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { CsvDownload } from '../../components/CsvDownload';
import { FormErrors, LoadState, Notice, SelectField, TextAreaField, TextField } from '../../components/forms';
import { useFormSubmit } from '../../components/useFormSubmit';
import { HeaderRow, useTableFilter } from '../../components/useTableFilter';
import { formatDay, today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { type AbsenceNotice, type DecisionBody, MEASURE_OUTCOMES, NOTICE_STATUSES, noticesApi } from './api';

type Outcome = (typeof MEASURE_OUTCOMES)[number];
type Status = (typeof NOTICE_STATUSES)[number];

const noticeName = (n: AbsenceNotice) => `${n.family_name} ${n.given_names}`;

function DecideForm({ notice, onCancel, onDone }: { notice: AbsenceNotice; onCancel: () => void; onDone: () => void }) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const [outcome, setOutcome] = useState<Outcome>('no_measure');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [decreeNumber, setDecreeNumber] = useState('');
  const [decreeDate, setDecreeDate] = useState('');
  const [review, setReview] = useState('');
  const [reviewer, setReviewer] = useState('');
  const [note, setNote] = useState('');
  const name = noticeName(notice);
  const labels = {
    outcome: t('register.notices.outcome'),
    measure_from: t('register.notices.measureFrom'),
    measure_until: t('register.notices.measureUntil'),
    decree_number: t('register.notices.decreeNumber'),
    decree_date: t('register.notices.decreeDate'),
    vulnerability_review: t('register.notices.vulnerabilityReview'),
    vulnerability_reviewer: t('register.notices.vulnerabilityReviewer'),
    note: t('register.notices.note'),
  };
  const body = (): DecisionBody => ({
    outcome,
    ...(outcome === 'reduction' ? { measure_from: from || undefined, measure_until: until || undefined } : {}),
    ...(outcome === 'revocation' ? { decree_number: decreeNumber.trim() || undefined, decree_date: decreeDate || undefined } : {}),
    ...(review.trim() ? { vulnerability_review: review.trim() } : {}),
    ...(reviewer.trim() ? { vulnerability_reviewer: reviewer.trim() } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  });
  const { errors, busy, submit } = useFormSubmit({
    confirm: async () => {
      // The server checks the request and tells what it would change; nothing is recorded yet.
      let preview;
      try {
        preview = await noticesApi.decide(notice.id, { ...body(), dry_run: true });
      } catch (err) {
        // Refused as it stands (a missing decree, a period too long): said beside the fields.
        errors.failFromApi(err);
        return false;
      }
      const days = preview.register_consequences?.confirmed_days ?? [];
      const consequences =
        outcome === 'revocation'
          ? [
              t('register.notices.revocationEnds', { name, day: formatDay(decreeDate, lang) }),
              days.length
                ? t('register.notices.reconfirm', { count: days.length, days: days.map((d) => formatDay(d, lang)).join(', ') })
                : t('register.notices.noConfirmedDays'),
            ]
          : outcome === 'reduction'
            ? [t('register.notices.reductionPeriod', { from: formatDay(from, lang), until: formatDay(until, lang) })]
            : [t('register.notices.noMeasureText')];
      return ask({
        title: t('register.notices.decideTitle', { name }),
        confirmLabel: t(`register.notices.confirm.${outcome}`, { name }),
        body: (
          <>
            <Facts
              testId="decision-facts"
              items={[
                [t('register.absences.guest'), <bdi>{name}</bdi>],
                [t('register.notices.centre'), <bdi>{notice.centre_name}</bdi>],
                [labels.outcome, t(`register.notices.outcomes.${outcome}`)],
              ]}
            />
            <Consequences items={consequences} />
          </>
        ),
      });
    },
    action: async () => {
      await noticesApi.decide(notice.id, body());
      onDone();
    },
  });
  return (
    <form onSubmit={submit} noValidate data-testid="decide-form" aria-label={t('register.notices.decideTitle', { name })}>
      <FormErrors errors={errors} labels={labels} />
      <SelectField
        id="decision-outcome"
        label={labels.outcome}
        required
        value={outcome}
        onValue={setOutcome}
        options={MEASURE_OUTCOMES.map((o) => ({ value: o, label: t(`register.notices.outcomes.${o}`) }))}
        error={errors.fields.outcome}
      />
      {outcome === 'reduction' ? (
        <>
          <TextField id="decision-from" type="date" label={labels.measure_from} required value={from} onValue={setFrom} error={errors.fields.measure_from} />
          <TextField
            id="decision-until"
            type="date"
            label={labels.measure_until}
            hint={t('register.notices.untilHint')}
            required
            value={until}
            onValue={setUntil}
            error={errors.fields.measure_until}
          />
        </>
      ) : null}
      {outcome === 'revocation' ? (
        <>
          <TextField id="decision-decree-number" label={labels.decree_number} required maxLength={100} value={decreeNumber} onValue={setDecreeNumber} error={errors.fields.decree_number} />
          <TextField id="decision-decree-date" type="date" max={today()} label={labels.decree_date} required value={decreeDate} onValue={setDecreeDate} error={errors.fields.decree_date} />
        </>
      ) : null}
      <TextAreaField id="decision-review" label={labels.vulnerability_review} hint={t('register.notices.reviewHint')} maxLength={2000} rows={2} value={review} onValue={setReview} error={errors.fields.vulnerability_review} />
      <TextField id="decision-reviewer" label={labels.vulnerability_reviewer} maxLength={200} value={reviewer} onValue={setReviewer} error={errors.fields.vulnerability_reviewer} />
      <TextAreaField id="decision-note" label={labels.note} maxLength={2000} rows={2} value={note} onValue={setNote} error={errors.fields.note} />
      <FormButtons busy={busy} saveLabel={t('register.notices.record')} onCancel={onCancel} testId="decide-submit" />
      {dialog}
    </form>
  );
}

/** The officer's list of notices, pending ones first by default. */
export function NoticesPage() {
  const { t, lang } = useT();
  const { can } = useSession();
  const decides = can('measures.decide');
  const [status, setStatus] = useState<Status | ''>('sent');
  const [deciding, setDeciding] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { data, error, reload } = useData(() => noticesApi.list(status || undefined), [status]);
  // The oldest absence first: the longer a notice waits, the more a decision is due.
  const table = useTableFilter(data?.items, {
    text: (n) => `${noticeName(n)} ${n.centre_name}`,
    sortKeys: { name: noticeName, centre: (n) => n.centre_name, since: (n) => n.first_day, hours: (n) => n.hours, status: (n) => n.status },
    initial: { key: 'since', direction: 'ascending' },
  });
  usePageTitle(t('register.notices.title'));
  return (
    <div data-testid="absence-notices">
      <h1 id="main-heading" tabIndex={-1}>
        {t('register.notices.title')}
      </h1>
      <p>{t('register.notices.intro')}</p>
      <div class="row">
        <div class="col-12 col-md-6">
          <SelectField
            id="notices-status"
            label={t('common.status')}
            empty={t('register.notices.all')}
            value={status}
            onValue={setStatus}
            options={NOTICE_STATUSES.map((s) => ({ value: s, label: t(`register.notices.statuses.${s}`) }))}
          />
        </div>
        <div class="col-12 col-md-6">
          <TextField id="notices-filter" label={t('register.notices.search')} type="search" value={table.query} onValue={table.setQuery} />
        </div>
      </div>
      {data?.items.length ? (
        <div class="mb-3">
          <CsvDownload
            filename={`segnalazioni-${today()}.csv`}
            testId="notices-csv"
            columns={['register.absences.guest', 'register.notices.centre', 'register.absences.since', 'register.absences.hours', 'common.status', 'register.notices.outcome']}
            rows={table.rows}
            cells={(n) => [
              noticeName(n),
              n.centre_name,
              { day: n.first_day },
              n.hours,
              t(`register.notices.statuses.${n.status}`),
              n.decision ? t(`register.notices.outcomes.${n.decision.outcome}`) : '',
            ]}
          />
        </div>
      ) : null}
      {done ? (
        <div data-testid="decision-notice">
          <Notice kind="success">{done}</Notice>
        </div>
      ) : null}
      <LoadState error={error} ready={!!data}>
        {() =>
          data && !data.items.length ? (
            <p data-testid="notices-empty">{t('register.notices.none')}</p>
          ) : (
            data && (
              <TableRegion label={t('register.notices.caption')} testId="notices-table">
                <thead>
                  <HeaderRow table={table} actions={decides} columns={[{ sort: 'name', label: t('register.absences.guest') }, { sort: 'centre', label: t('register.notices.centre') }, { sort: 'since', label: t('register.absences.since') }, { sort: 'hours', label: t('register.absences.hours') }, { sort: 'status', label: t('common.status') }]} />
                </thead>
                <tbody>
                  {table.rows.map((n) => (
                    <Fragment key={n.id}>
                      <tr data-notice={n.id} data-status={n.status}>
                        <th scope="row" class="fw-normal">
                          <bdi>{noticeName(n)}</bdi>
                        </th>
                        <td>
                          <bdi>{n.centre_name}</bdi>
                        </td>
                        <td>{formatDay(n.first_day, lang)}</td>
                        <td>{formatNumber(n.hours, lang)}</td>
                        <td>
                          {t(`register.notices.statuses.${n.status}`)}
                          {n.decision ? <div class="small">{t(`register.notices.outcomes.${n.decision.outcome}`)}</div> : null}
                        </td>
                        {decides ? (
                          <td class="text-end">
                            {n.status === 'sent' ? (
                              <button
                                type="button"
                                class="btn btn-outline-primary btn-xs"
                                data-testid="decide-open"
                                onClick={() => {
                                  setDone(null);
                                  setDeciding(n.id);
                                }}
                              >
                                {t('register.notices.decide')}
                                <span class="visually-hidden"> {noticeName(n)}</span>
                              </button>
                            ) : null}
                          </td>
                        ) : null}
                      </tr>
                      {deciding === n.id ? (
                        <tr>
                          <td colSpan={decides ? 6 : 5}>
                            <DecideForm
                              notice={n}
                              onCancel={() => setDeciding(null)}
                              onDone={() => {
                                setDeciding(null);
                                setDone(t('register.notices.recorded', { name: noticeName(n) }));
                                reload();
                              }}
                            />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  ))}
                </tbody>
              </TableRegion>
            )
          )
        }
      </LoadState>
    </div>
  );
}
