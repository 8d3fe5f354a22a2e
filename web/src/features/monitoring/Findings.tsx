// /findings: the findings of inspections and their follow-up (decision 0023), filtered by centre,
// severity, status and overdue and searched by centre name (in the query string, so the report
// and the tasks can link to theirs), sorted and paged by the server; every finding of the filters
// saved as CSV or XLSX by the server in the page's language and order. Inspectors and prefecture
// officers see every finding; an operator's staff those of the reports issued on their own
// centres (the server keeps to that).
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { CheckboxField, LoadState, SelectField, TextField } from '../../components/forms';
import { FilterBar, useFilters } from '../../components/ListPage';
import { Pagination, ResultsSummary } from '../../components/Pagination';
import { PER_PAGE } from '../../components/useList';
import { NARROW, useMediaQuery } from '../../components/useMediaQuery';
import { SortHeader, type SortDirection } from '../../components/useTableFilter';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Icon } from '../../components/Icon';
import { Link, setQuery } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { monitoringApi } from './api';
import { FINDING_SORT_KEYS, FINDING_STATUSES, type Finding, type FindingQuery, SEVERITIES, followupApi } from './followupApi';
import { FindingItem, FindingStatusBadge, SeverityBadge, useQuestions } from './followupParts';

type Severity = (typeof SEVERITIES)[number];
type Status = (typeof FINDING_STATUSES)[number];
type SortKey = (typeof FINDING_SORT_KEYS)[number];

/** "-severity" as SortHeader's state. */
function sortState(sort: string): { key: SortKey; direction: SortDirection } {
  return sort.startsWith('-') ? { key: sort.slice(1) as SortKey, direction: 'descending' } : { key: sort as SortKey, direction: 'ascending' };
}

export function Findings() {
  const { t, lang } = useT();
  const { can } = useSession();
  const f = useFilters(['centre_id', 'inspection_id', 'severity', 'status', 'overdue', 'q', 'sort'] as const);
  const v = f.values;
  // The filters as the server takes them: the page, its files and the links agree.
  const filters: FindingQuery = {
    centre_id: v.centre_id ? Number(v.centre_id) : undefined,
    inspection_id: v.inspection_id ? Number(v.inspection_id) : undefined,
    severity: (v.severity || undefined) as FindingQuery['severity'],
    status: (v.status || undefined) as FindingQuery['status'],
    overdue: v.overdue === 'true' || undefined,
    q: v.q || undefined,
    sort: (v.sort || undefined) as FindingQuery['sort'],
  };
  // Filtered, searched, sorted and paged by the server: ten years of a national network's
  // inspections leave tens of thousands of findings.
  const { data, error, loading } = useData(() => followupApi.findings({ ...filters, page: f.page, per_page: PER_PAGE }), [f.key], { keepPrevious: true });
  const centres = useData(() => monitoringApi.centres(), []);
  const questions = useQuestions();
  const names = new Map((centres.data?.items ?? []).map((c) => [c.id, c.name]));
  const centreName = (finding: Finding) => names.get(finding.centre_id) ?? '';
  // A choice applies at once, back to the first page; the search text with the search button.
  const setFilter = (key: 'centre_id' | 'severity' | 'status' | 'overdue', value: string) => setQuery({ [key]: value || null, page: null }, true);
  const sort = v.sort || 'deadline';
  const sorted = sortState(sort);
  const onSort = (key: SortKey) => setQuery({ sort: sorted.key === key && sorted.direction === 'ascending' ? `-${key}` : key, page: null });
  const narrow = useMediaQuery(NARROW);
  const rows = data?.items ?? [];
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
            value={v.centre_id}
            onValue={(value: string) => setFilter('centre_id', value)}
            options={(centres.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-3">
          <SelectField
            id="findings-severity"
            label={t('findings.severity')}
            empty={t('findings.allSeverities')}
            value={(filters.severity ?? '') as Severity | ''}
            onValue={(value: Severity | '') => setFilter('severity', value)}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`findings.severities.${s}`) }))}
          />
        </div>
        <div class="col-12 col-md-6 col-lg-3">
          <SelectField
            id="findings-status"
            label={t('common.status')}
            empty={t('monitoring.allStatuses')}
            value={(filters.status ?? '') as Status | ''}
            onValue={(value: Status | '') => setFilter('status', value)}
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
          <FilterBar
            label={t('findings.search')}
            onApply={() => setQuery({ q: f.inputs.q.trim() || null, page: null })}
            resetHref="/findings"
            active={f.active}
            buttonsClass="col-12 col-md-5"
          >
            <div class="col-12 col-md-7">
              <TextField id="findings-search" label={t('findings.search')} type="search" value={f.inputs.q} onValue={f.setter('q')} />
            </div>
          </FilterBar>
        </div>
      </div>
      {rows.length ? (
        <div class="d-flex flex-wrap align-items-center gap-2 mb-3" data-testid="findings-files">
          {/* Every finding of the filters (not this page), in this order, made by the server in the page's language. */}
          {(['csv', 'xlsx'] as const).map((format) => (
            <a
              key={format}
              href={followupApi.findingsFile(filters, format, lang)}
              download
              class="btn btn-outline-primary btn-sm"
              data-testid={`findings-${format}`}
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
              <div aria-live="polite" data-testid="findings-count" data-total={data.total}>
                <ResultsSummary page={data.page} perPage={data.per_page} total={data.total} />
              </div>
              {data.total === 0 ? (
                <p data-testid="findings-empty">{t('findings.none')}</p>
              ) : narrow ? (
                <>
                  <SelectField
                    id="findings-sort"
                    label={t('findings.sortBy')}
                    value={sort}
                    onValue={(value: string) => setQuery({ sort: value === 'deadline' ? null : value, page: null })}
                    options={FINDING_SORT_KEYS.flatMap((k) => [
                      { value: k, label: t(`findings.sort.${k}.ascending`) },
                      { value: `-${k}`, label: t(`findings.sort.${k}.descending`) },
                    ])}
                  />
                  <ul class="list-unstyled finding-cards" data-testid="findings-cards" aria-busy={loading ? 'true' : 'false'}>
                    {rows.map((finding) => (
                      <li key={finding.id} class="finding-card" data-finding={finding.id} data-status={finding.status}>
                        <Link href={`/findings/${finding.id}`} class="fw-semibold">
                          <FindingItem finding={finding} questions={questions} />
                        </Link>
                        <div class="small">
                          <bdi>{centreName(finding)}</bdi> · {t(`monitoring.areas.${finding.area}`)}
                        </div>
                        <div class="d-flex flex-wrap align-items-center gap-2 mt-2">
                          <SeverityBadge severity={finding.severity} />
                          <FindingStatusBadge finding={finding} />
                          <span class="small">
                            {t('findings.deadline')}: {formatDay(finding.deadline, lang)}
                          </span>
                        </div>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <TableRegion label={t('findings.caption')} captionHidden testId="findings-table">
                  <thead>
                    <tr aria-busy={loading ? 'true' : 'false'}>
                      <SortHeader column="centre" sort={sorted} onSort={onSort}>
                        {t('monitoring.centre')}
                      </SortHeader>
                      <SortHeader column="area" sort={sorted} onSort={onSort}>
                        {t('findings.item')}
                      </SortHeader>
                      <SortHeader column="severity" sort={sorted} onSort={onSort}>
                        {t('findings.severity')}
                      </SortHeader>
                      <SortHeader column="deadline" sort={sorted} onSort={onSort}>
                        {t('findings.deadline')}
                      </SortHeader>
                      <SortHeader column="status" sort={sorted} onSort={onSort}>
                        {t('common.status')}
                      </SortHeader>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((finding) => (
                      <tr key={finding.id} data-finding={finding.id} data-status={finding.status}>
                        <td>
                          <bdi>{centreName(finding)}</bdi>
                        </td>
                        <th scope="row" class="fw-normal">
                          <Link href={`/findings/${finding.id}`}>
                            <FindingItem finding={finding} questions={questions} />
                          </Link>
                          <div class="small text-muted">{t(`monitoring.areas.${finding.area}`)}</div>
                        </th>
                        <td>
                          <SeverityBadge severity={finding.severity} />
                        </td>
                        <td>{formatDay(finding.deadline, lang)}</td>
                        <td>
                          <FindingStatusBadge finding={finding} />
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
