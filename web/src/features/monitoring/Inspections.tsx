// /inspections: the inspections of centres, filtered by centre and status (in the query string, so
// the centre page links to its own), searchable, sortable and saved as CSV. Inspectors and
// prefecture officers see them all and plan new ones; an operator's staff see only the reports
// issued on their own centres (the server keeps to that).
import { useState } from 'preact/hooks';
import { FormButtons } from '../../components/ActionPanel';
import { useConfirm, Facts } from '../../components/ConfirmDialog';
import { CsvDownload } from '../../components/CsvDownload';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { CheckboxField, FormErrors, LoadState, SelectField, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { SortHeader, useTableFilter } from '../../components/useTableFilter';
import { formatDay, today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, navigate, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { INSPECTION_STATUSES, type InspectionRow, monitoringApi } from './api';
import { useTeamCandidates } from './team';
import { Score, StatusBadge } from './parts';

type Status = (typeof INSPECTION_STATUSES)[number];

const FIRST_ROWS = 50;

function PlanForm({ centres, centreId, onCancel }: { centres: { id: number; name: string }[]; centreId: string; onCancel: () => void }) {
  const { t, lang } = useT();
  const { user } = useSession();
  const { ask, dialog } = useConfirm();
  const candidates = useTeamCandidates();
  const [centre, setCentre] = useState(centreId);
  const [date, setDate] = useState(today());
  const [announced, setAnnounced] = useState(true);
  const [team, setTeam] = useState<number[]>([user.id]);
  const [note, setNote] = useState('');
  const labels = {
    centre_id: t('monitoring.centre'),
    planned_date: t('monitoring.date'),
    announced: t('monitoring.announced'),
    team: t('monitoring.team'),
    note: t('monitoring.note'),
  };
  const centreName = centres.find((c) => String(c.id) === centre)?.name ?? '';
  const teamNames = (candidates ?? []).filter((c) => team.includes(c.id)).map((c) => c.name);
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const f: FieldErrors = {};
      if (!centre) f.centre_id = ['fieldErrors.required'];
      if (!date) f.planned_date = ['fieldErrors.required'];
      if (!team.length) f.team = ['monitoring.teamEmpty'];
      return f;
    },
    confirm: () =>
      ask({
        title: t('monitoring.planTitle'),
        confirmLabel: t('monitoring.planConfirm', { centre: centreName }),
        body: (
          <>
            <Facts
              testId="plan-facts"
              items={[
                [labels.centre_id, <bdi>{centreName}</bdi>],
                [labels.planned_date, formatDay(date, lang)],
                [labels.announced, announced ? t('monitoring.announcedYes') : t('monitoring.announcedNo')],
                [labels.team, <bdi>{teamNames.join(', ')}</bdi>],
              ]}
            />
            <p>{announced ? t('monitoring.planAnnouncedText') : t('monitoring.planUnannouncedText')}</p>
          </>
        ),
      }),
    action: async () => {
      const stored = await monitoringApi.plan({
        centre_id: Number(centre),
        planned_date: date,
        announced,
        team,
        note: note.trim() || null,
      });
      navigate(`/inspections/${stored.id}`);
    },
  });
  return (
    <form onSubmit={submit} noValidate data-testid="plan-form" aria-label={t('monitoring.planTitle')} class="guest-action my-4">
      <h2 class="h4">{t('monitoring.planTitle')}</h2>
      <FormErrors errors={errors} labels={labels} />
      <div class="row">
        <div class="col-12 col-md-6">
          <SelectField
            id="plan-centre"
            label={labels.centre_id}
            required
            empty={t('monitoring.chooseCentre')}
            value={centre}
            onValue={setCentre}
            options={centres.map((c) => ({ value: String(c.id), label: c.name }))}
            error={errors.fields.centre_id}
          />
        </div>
        <div class="col-12 col-md-6">
          <TextField id="plan-date" type="date" label={labels.planned_date} required value={date} onValue={setDate} error={errors.fields.planned_date} />
        </div>
      </div>
      <CheckboxField id="plan-announced" label={labels.announced} hint={t('monitoring.announcedHint')} checked={announced} onValue={setAnnounced} />
      <fieldset class="mb-4" aria-describedby={errors.fields.team ? 'plan-team-error' : undefined}>
        <legend class="form-label fw-semibold fs-6">{labels.team}</legend>
        {candidates === null ? null : (
          <div class="d-flex flex-wrap gap-3">
            {candidates.map((c) => (
              <div class="form-check" key={c.id}>
                <input
                  id={`plan-team-${c.id}`}
                  type="checkbox"
                  checked={team.includes(c.id)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    setTeam((list) => (on ? [...list, c.id] : list.filter((x) => x !== c.id)));
                  }}
                />
                <label for={`plan-team-${c.id}`}>
                  <bdi>{c.name}</bdi>
                </label>
              </div>
            ))}
          </div>
        )}
        {errors.fields.team ? (
          <div id="plan-team-error" class="field-error">
            {errors.fields.team}
          </div>
        ) : null}
      </fieldset>
      <TextAreaField id="plan-note" label={labels.note} maxLength={2000} rows={2} value={note} onValue={setNote} error={errors.fields.note} />
      <FormButtons busy={busy} saveLabel={t('monitoring.plan')} onCancel={onCancel} testId="plan-submit" />
      {dialog}
    </form>
  );
}

export function Inspections() {
  const { t, lang } = useT();
  const { can } = useSession();
  const loc = useLocation();
  const manages = can('inspections.manage');
  const centreId = loc.query.get('centre_id') ?? '';
  const status = (loc.query.get('status') ?? '') as Status | '';
  const [planning, setPlanning] = useState(loc.query.get('new') === '1');
  const { data, error } = useData(
    () => monitoringApi.list({ centre_id: centreId ? Number(centreId) : undefined, status: status || undefined }),
    [centreId, status],
  );
  const centres = useData(() => monitoringApi.centres(), []);
  const centreOptions = (centres.data?.items ?? []).map((c) => ({ id: c.id, name: c.name }));
  const setFilter = (key: 'centre_id' | 'status', value: string) => {
    const q = new URLSearchParams(loc.query);
    if (value) q.set(key, value);
    else q.delete(key);
    navigate(`/inspections${q.toString() ? `?${q}` : ''}`, { replace: true });
  };
  // The newest first, as the server sends them; planned visits show no score.
  const table = useTableFilter(data?.items, {
    text: (i: InspectionRow) => `${i.centre_name} ${i.planned_date} ${t(`monitoring.statuses.${i.status}`)}`,
    sortKeys: {
      centre: (i) => i.centre_name,
      date: (i) => i.planned_date,
      status: (i) => INSPECTION_STATUSES.indexOf(i.status),
      announced: (i) => (i.announced ? 1 : 0),
      score: (i) => i.overall_score ?? -1,
    },
    initial: { key: 'date', direction: 'descending' },
  });
  // Two years of visits to forty centres are hundreds of rows: the first ones, the rest on request
  // (the CSV holds them all).
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? table.rows : table.rows.slice(0, FIRST_ROWS);
  usePageTitle(t('monitoring.title'));
  return (
    <div data-testid="inspections">
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-4">
        <h1 id="main-heading" tabIndex={-1} class="mb-0">
          {t('monitoring.title')}
        </h1>
        {manages && !planning ? (
          <button type="button" class="btn btn-primary" data-testid="plan-open" onClick={() => setPlanning(true)}>
            {t('monitoring.planTitle')}
          </button>
        ) : null}
      </div>
      <p>{manages ? t('monitoring.intro') : t('monitoring.introOperator')}</p>
      {planning && centres.data ? <PlanForm centres={centreOptions} centreId={centreId} onCancel={() => setPlanning(false)} /> : null}
      <div class="row">
        <div class="col-12 col-md-4">
          <SelectField
            id="inspections-centre"
            label={t('monitoring.centre')}
            empty={t('monitoring.allCentres')}
            value={centreId}
            onValue={(v: string) => setFilter('centre_id', v)}
            options={centreOptions.map((c) => ({ value: String(c.id), label: c.name }))}
          />
        </div>
        <div class="col-12 col-md-4">
          <SelectField
            id="inspections-status"
            label={t('common.status')}
            empty={t('monitoring.allStatuses')}
            value={status}
            onValue={(v: Status | '') => setFilter('status', v)}
            options={INSPECTION_STATUSES.map((s) => ({ value: s, label: t(`monitoring.statuses.${s}`) }))}
          />
        </div>
        <div class="col-12 col-md-4">
          <TextField id="inspections-filter" label={t('monitoring.search')} type="search" value={table.query} onValue={table.setQuery} />
        </div>
      </div>
      {data?.items.length ? (
        <div class="mb-3">
          <CsvDownload
            filename={`ispezioni-${today()}.csv`}
            testId="inspections-csv"
            columns={['monitoring.centre', 'monitoring.date', 'common.status', 'monitoring.announced', 'monitoring.overall']}
            rows={table.rows}
            cells={(i) => [
              i.centre_name,
              { day: i.planned_date },
              t(`monitoring.statuses.${i.status}`),
              t(i.announced ? 'monitoring.announcedYes' : 'monitoring.announcedNo'),
              // A number as Italian offices write it, in every language: decision 0021.
              i.overall_score == null ? '' : i.overall_score.toFixed(1).replace('.', ','),
            ]}
          />
        </div>
      ) : null}
      <LoadState error={error} ready={!!data}>
        {() =>
          data && !table.rows.length ? (
            <p data-testid="inspections-empty">{t('monitoring.none')}</p>
          ) : (
            <TableRegion label={t('monitoring.caption')} testId="inspections-table">
              <thead>
                <tr>
                  <SortHeader column="centre" sort={table.sort} onSort={table.toggle}>
                    {t('monitoring.centre')}
                  </SortHeader>
                  <SortHeader column="date" sort={table.sort} onSort={table.toggle}>
                    {t('monitoring.date')}
                  </SortHeader>
                  <SortHeader column="status" sort={table.sort} onSort={table.toggle}>
                    {t('common.status')}
                  </SortHeader>
                  <SortHeader column="announced" sort={table.sort} onSort={table.toggle}>
                    {t('monitoring.announced')}
                  </SortHeader>
                  <SortHeader column="score" sort={table.sort} onSort={table.toggle}>
                    {t('monitoring.overall')}
                  </SortHeader>
                </tr>
              </thead>
              <tbody>
                {shown.map((i) => (
                  <tr key={i.id} data-inspection={i.id} data-status={i.status}>
                    <th scope="row" class="fw-normal">
                      <Link href={`/inspections/${i.id}`}>
                        <bdi>{i.centre_name}</bdi>
                      </Link>
                    </th>
                    <td>{formatDay(i.planned_date, lang)}</td>
                    <td>
                      <StatusBadge status={i.status} />
                    </td>
                    <td>{i.announced ? t('monitoring.announcedYes') : t('monitoring.announcedNo')}</td>
                    <td>
                      <Score value={i.overall_score} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          )
        }
      </LoadState>
      {shown.length < table.rows.length ? (
        <button type="button" class="btn btn-outline-primary" data-testid="inspections-all" onClick={() => setShowAll(true)}>
          {t('monitoring.showAll', { count: table.rows.length })}
        </button>
      ) : null}
    </div>
  );
}
