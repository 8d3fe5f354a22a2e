// /findings: the findings of inspections and their follow-up (decision 0023), filtered by centre,
// severity, status and overdue (in the query string, so the report and the tasks can link to
// theirs), searchable, sortable, and saved as CSV or XLSX by the server in the page's language
// and order. Inspectors and prefecture officers see every finding; an operator's staff those of
// the reports issued on their own centres (the server keeps to that).
import { useState } from 'preact/hooks';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { CheckboxField, LoadState, SelectField, TextField } from '../../components/forms';
import { NARROW, useMediaQuery } from '../../components/useMediaQuery';
import { HeaderRow, type SortDirection, useTableFilter } from '../../components/useTableFilter';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Icon } from '../../components/Icon';
import { Link, navigate, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { AREAS, monitoringApi } from './api';
import { FINDING_SORT_KEYS, FINDING_STATUSES, type Finding, type FindingFilters, SEVERITIES, followupApi } from './followupApi';
import { FindingItem, FindingStatusBadge, SeverityBadge, useQuestions } from './followupParts';

const FIRST_ROWS = 50;

type Severity = (typeof SEVERITIES)[number];
type Status = (typeof FINDING_STATUSES)[number];
type SortKey = (typeof FINDING_SORT_KEYS)[number];

export function Findings() {
  const { t, lang } = useT();
  const { can } = useSession();
  const loc = useLocation();
  const q = loc.query;
  const filters: FindingFilters = {
    centre_id: q.get('centre_id') ? Number(q.get('centre_id')) : undefined,
    inspection_id: q.get('inspection_id') ? Number(q.get('inspection_id')) : undefined,
    severity: q.get('severity') || undefined,
    status: q.get('status') || undefined,
    overdue: q.get('overdue') === 'true' || undefined,
  };
  const { data, error } = useData(() => followupApi.findings(filters), [q.toString()]);
  const centres = useData(() => monitoringApi.centres(), []);
  const questions = useQuestions();
  const names = new Map((centres.data?.items ?? []).map((c) => [c.id, c.name]));
  const centreName = (f: Finding) => names.get(f.centre_id) ?? '';
  const setFilter = (key: 'centre_id' | 'severity' | 'status' | 'overdue', value: string) => {
    const next = new URLSearchParams(loc.query);
    if (value) next.set(key, value);
    else next.delete(key);
    navigate(`/findings${next.toString() ? `?${next}` : ''}`, { replace: true });
  };
  const table = useTableFilter(data?.items, {
    text: (f: Finding) =>
      [
        centreName(f),
        t(`monitoring.areas.${f.area}`),
        questions?.get(f.item_code)?.text ?? f.item_code,
        t(`findings.severities.${f.severity}`),
        t(`findings.statuses.${f.status}`),
        f.corrective_action ?? '',
        f.observation ?? '',
      ].join(' '),
    // The server's order of each vocabulary, so that the page and the file agree.
    sortKeys: {
      centre: centreName,
      area: (f) => AREAS.indexOf(f.area),
      severity: (f) => SEVERITIES.indexOf(f.severity),
      deadline: (f) => f.deadline,
      status: (f) => FINDING_STATUSES.indexOf(f.status),
    } satisfies Record<SortKey, (f: Finding) => string | number>,
    initial: { key: 'deadline', direction: 'ascending' },
  });
  const narrow = useMediaQuery(NARROW);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? table.rows : table.rows.slice(0, FIRST_ROWS);
  const sort = table.sort ? `${table.sort.direction === 'descending' ? '-' : ''}${table.sort.key}` : 'deadline';
  usePageTitle(t('findings.title'));
  return (
    <div data-testid="findings">
      <h1 id="main-heading" tabIndex={-1}>
        {t('findings.title')}
      </h1>
      <p>{can('findings.manage') ? t('findings.intro') : t('findings.introOperator')}</p>
      {filters.inspection_id ? (
        <p data-testid="findings-of-inspection">
          {t('findings.ofInspection')}{' '}
          <Link href={`/inspections/${filters.inspection_id}`}>{t('findings.openInspection')}</Link>
          {' · '}
          <Link href="/findings">{t('findings.allFindings')}</Link>
        </p>
      ) : null}
      <div class="row align-items-end">
        <div class="col-12 col-md-6 col-lg-3">
          <SelectField
            id="findings-centre"
            label={t('monitoring.centre')}
            empty={t('monitoring.allCentres')}
            value={q.get('centre_id') ?? ''}
            onValue={(v: string) => setFilter('centre_id', v)}
            options={(centres.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-3">
          <SelectField
            id="findings-severity"
            label={t('findings.severity')}
            empty={t('findings.allSeverities')}
            value={(filters.severity ?? '') as Severity | ''}
            onValue={(v: Severity | '') => setFilter('severity', v)}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`findings.severities.${s}`) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-3">
          <SelectField
            id="findings-status"
            label={t('common.status')}
            empty={t('monitoring.allStatuses')}
            value={(filters.status ?? '') as Status | ''}
            onValue={(v: Status | '') => setFilter('status', v)}
            options={FINDING_STATUSES.map((s) => ({ value: s, label: t(`findings.statuses.${s}`) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-3">
          <CheckboxField
            id="findings-overdue"
            label={t('findings.overdueOnly')}
            hint={t('findings.overdueHint')}
            checked={!!filters.overdue}
            onValue={(on) => setFilter('overdue', on ? 'true' : '')}
          />
        </div>
        <div class="col-12 col-lg-6">
          <TextField id="findings-search" label={t('findings.search')} type="search" value={table.query} onValue={table.setQuery} />
        </div>
      </div>
      {data?.items.length ? (
        <div class="d-flex flex-wrap align-items-center gap-2 mb-3" data-testid="findings-files">
          {(['csv', 'xlsx'] as const).map((format) => (
            <a
              key={format}
              href={followupApi.findingsFile(filters, format, sort, lang)}
              download
              class="btn btn-outline-primary btn-sm"
              data-testid={`findings-${format}`}
            >
              <Icon name="files" class="icon-primary icon-sm me-1" />
              {t(`findings.download.${format}`)}
            </a>
          ))}
          {table.query ? <span class="form-text m-0">{t('findings.filesIgnoreSearch')}</span> : null}
        </div>
      ) : null}
      <LoadState error={error} ready={!!data}>
        {() =>
          !table.rows.length ? (
            <p data-testid="findings-empty">{t('findings.none')}</p>
          ) : (
            <>
              <p aria-live="polite" data-testid="findings-count">
                {t('findings.count', { count: table.rows.length })}
              </p>
              {narrow ? (
                <>
                  <SelectField
                    id="findings-sort"
                    label={t('findings.sortBy')}
                    value={sort}
                    onValue={(v: string) => {
                      const descending = v.startsWith('-');
                      table.setSort({ key: (descending ? v.slice(1) : v) as SortKey, direction: (descending ? 'descending' : 'ascending') as SortDirection });
                    }}
                    options={FINDING_SORT_KEYS.flatMap((k) => [
                      { value: k, label: t(`findings.sort.${k}.ascending`) },
                      { value: `-${k}`, label: t(`findings.sort.${k}.descending`) },
                    ])}
                  />
                  <ul class="list-unstyled finding-cards" data-testid="findings-cards">
                    {shown.map((f) => (
                      <li key={f.id} class="finding-card" data-finding={f.id} data-status={f.status}>
                        <Link href={`/findings/${f.id}`} class="fw-semibold">
                          <FindingItem finding={f} questions={questions} />
                        </Link>
                        <div class="small">
                          <bdi>{centreName(f)}</bdi> · {t(`monitoring.areas.${f.area}`)}
                        </div>
                        <div class="d-flex flex-wrap align-items-center gap-2 mt-2">
                          <SeverityBadge severity={f.severity} />
                          <FindingStatusBadge finding={f} />
                          <span class="small">
                            {t('findings.deadline')}: {formatDay(f.deadline, lang)}
                          </span>
                        </div>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
              <TableRegion label={t('findings.caption')} captionHidden testId="findings-table">
                <thead>
                  <HeaderRow
                    table={table}
                    columns={[
                      { label: t('monitoring.centre'), sort: 'centre' },
                      { label: t('findings.item'), sort: 'area' },
                      { label: t('findings.severity'), sort: 'severity' },
                      { label: t('findings.deadline'), sort: 'deadline' },
                      { label: t('common.status'), sort: 'status' },
                    ]}
                  />
                </thead>
                <tbody>
                  {shown.map((f) => (
                    <tr key={f.id} data-finding={f.id} data-status={f.status}>
                      <td>
                        <bdi>{centreName(f)}</bdi>
                      </td>
                      <th scope="row" class="fw-normal">
                        <Link href={`/findings/${f.id}`}>
                          <FindingItem finding={f} questions={questions} />
                        </Link>
                        <div class="small text-muted">{t(`monitoring.areas.${f.area}`)}</div>
                      </th>
                      <td>
                        <SeverityBadge severity={f.severity} />
                      </td>
                      <td>{formatDay(f.deadline, lang)}</td>
                      <td>
                        <FindingStatusBadge finding={f} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </TableRegion>
              )}
            </>
          )
        }
      </LoadState>
      {shown.length < table.rows.length ? (
        <button type="button" class="btn btn-outline-primary" data-testid="findings-all" onClick={() => setShowAll(true)}>
          {t('findings.showAll', { count: table.rows.length })}
        </button>
      ) : null}
    </div>
  );
}
