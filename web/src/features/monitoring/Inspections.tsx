// /inspections: the inspections of centres, filtered by centre and status and searched by centre
// name (in the query string, so the centre page links to its own), sorted and paged by the
// server; every inspection of the filters saved as CSV or XLSX by the server. Inspectors and
// prefecture officers see them all and plan new ones; an operator's staff see only the reports
// issued on their own centres (the server keeps to that).
import { useState } from 'preact/hooks';
import { FormButtons } from '../../components/ActionPanel';
import { useConfirm, Facts } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { CheckboxField, FormErrors, LoadState, SelectField, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { FilterBar, useFilters } from '../../components/ListPage';
import { Pagination, ResultsSummary } from '../../components/Pagination';
import { SortHeader, type SortDirection } from '../../components/useTableFilter';
import { PER_PAGE } from '../../components/useList';
import { formatDay, today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link, navigate, setQuery, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { INSPECTION_STATUSES, type InspectionQuery, monitoringApi } from './api';
import { useTeamCandidates } from './team';
import { Score, StatusBadge } from './parts';

type Status = (typeof INSPECTION_STATUSES)[number];

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

type SortKey = 'centre' | 'date' | 'status' | 'announced' | 'score';

/** "-date" as SortHeader's state. */
function sortState(sort: string): { key: SortKey; direction: SortDirection } {
  return sort.startsWith('-') ? { key: sort.slice(1) as SortKey, direction: 'descending' } : { key: sort as SortKey, direction: 'ascending' };
}

export function Inspections() {
  const { t, lang } = useT();
  const { can } = useSession();
  const loc = useLocation();
  const manages = can('inspections.manage');
  const f = useFilters(['centre_id', 'status', 'q', 'sort'] as const);
  const { centre_id: centreId, q, sort } = f.values;
  const status = f.values.status as Status | '';
  const [planning, setPlanning] = useState(loc.query.get('new') === '1');
  // Filtered, searched, sorted and paged by the server: ten years of a national network are
  // a hundred thousand inspections.
  const { data, error, loading } = useData(
    () =>
      monitoringApi.list({
        centre_id: centreId ? Number(centreId) : undefined,
        status: status || undefined,
        q: q || undefined,
        sort: (sort || undefined) as InspectionQuery['sort'],
        page: f.page,
        per_page: PER_PAGE,
      }),
    [f.key],
    { keepPrevious: true },
  );
  const centres = useData(() => monitoringApi.centres(), []);
  const centreOptions = (centres.data?.items ?? []).map((c) => ({ id: c.id, name: c.name }));
  // A choice in a select applies at once; the search text with the search button.
  const setFilter = (key: 'centre_id' | 'status', value: string) => setQuery({ [key]: value || null, page: null }, true);
  const sorted = sortState(sort || '-date');
  const onSort = (key: SortKey) => setQuery({ sort: sorted.key === key && sorted.direction === 'ascending' ? `-${key}` : key, page: null });
  usePageTitle(t('monitoring.title'));
  const rows = data?.items ?? [];
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
        <div class="col-12 col-md-6 col-lg-3">
          <SelectField
            id="inspections-centre"
            label={t('monitoring.centre')}
            empty={t('monitoring.allCentres')}
            value={centreId}
            onValue={(v: string) => setFilter('centre_id', v)}
            options={centreOptions.map((c) => ({ value: String(c.id), label: c.name }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-3">
          <SelectField
            id="inspections-status"
            label={t('common.status')}
            empty={t('monitoring.allStatuses')}
            value={status}
            onValue={(v: Status | '') => setFilter('status', v)}
            options={INSPECTION_STATUSES.map((s) => ({ value: s, label: t(`monitoring.statuses.${s}`) }))}
          />
        </div>
        <div class="col-12 col-lg-6">
          <FilterBar
            label={t('monitoring.search')}
            onApply={() => setQuery({ q: f.inputs.q.trim() || null, page: null })}
            resetHref="/inspections"
            active={f.active}
            buttonsClass="col-12 col-md-5"
          >
            <div class="col-12 col-md-7">
              <TextField id="inspections-filter" label={t('monitoring.search')} type="search" value={f.inputs.q} onValue={f.setter('q')} />
            </div>
          </FilterBar>
        </div>
      </div>
      {rows.length ? (
        <div class="d-flex flex-wrap gap-2 mb-3" data-testid="inspections-files">
          {/* Every inspection of the filters, in this order, made by the server in the page's language. */}
          {(['csv', 'xlsx'] as const).map((format) => (
            <a
              key={format}
              href={monitoringApi.listFile(
                { centre_id: centreId ? Number(centreId) : undefined, status: status || undefined, q: q || undefined, sort: (sort || undefined) as InspectionQuery['sort'] },
                format,
                lang,
              )}
              download
              class="btn btn-outline-primary btn-sm"
              data-testid={`inspections-${format}`}
            >
              <Icon name="files" class="icon-primary icon-sm me-1" />
              {t(`findings.download.${format}`)}
            </a>
          ))}
        </div>
      ) : null}
      <LoadState error={error} ready={!!data}>
        {() =>
          data && (
            <>
              <div aria-live="polite">
                <ResultsSummary page={data.page} perPage={data.per_page} total={data.total} />
              </div>
              {data.total === 0 ? (
                <p data-testid="inspections-empty">{t('monitoring.none')}</p>
              ) : (
                <TableRegion label={t('monitoring.caption')} testId="inspections-table">
                  <thead>
                    <tr aria-busy={loading ? 'true' : 'false'}>
                      <SortHeader column="centre" sort={sorted} onSort={onSort}>
                        {t('monitoring.centre')}
                      </SortHeader>
                      <SortHeader column="date" sort={sorted} onSort={onSort}>
                        {t('monitoring.date')}
                      </SortHeader>
                      <SortHeader column="status" sort={sorted} onSort={onSort}>
                        {t('common.status')}
                      </SortHeader>
                      <SortHeader column="announced" sort={sorted} onSort={onSort}>
                        {t('monitoring.announced')}
                      </SortHeader>
                      <SortHeader column="score" sort={sorted} onSort={onSort}>
                        {t('monitoring.overall')}
                      </SortHeader>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((i) => (
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
              )}
              <Pagination page={data.page} perPage={data.per_page} total={data.total} />
            </>
          )
        }
      </LoadState>
    </div>
  );
}
