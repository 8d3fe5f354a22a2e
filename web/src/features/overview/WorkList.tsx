// One page for each of the officer's lists: filters kept in the query string, a table sorted by
// the server (the column headings sort), the pages, and the whole list as CSV or XLSX in the app's
// language. The lists differ only in their columns and filters (pages.tsx).
import type { ComponentChildren, VNode } from 'preact';
import { FilterBar, useFilters } from '../../components/ListPage';
import { Pagination, ResultsSummary } from '../../components/Pagination';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { LoadState } from '../../components/forms';
import { SortHeader, type SortDirection } from '../../components/useTableFilter';
import type { Query } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { setQuery } from '../../lib/router';
import { useData } from '../../lib/useData';
import { listFileUrl } from './api';

export const PER_PAGE = 25;

export interface Column<T> {
  label: string;
  /** The server's sort key for this column, when it sorts by it. */
  sort?: string;
  numeric?: boolean;
  /** Kept on one line (a date). */
  nowrap?: boolean;
  cell: (row: T) => ComponentChildren;
}

interface ListAnswer<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
}

/** "-excess" as SortHeader's state. */
function sortState(sort: string): { key: string; direction: SortDirection } {
  return sort.startsWith('-') ? { key: sort.slice(1), direction: 'descending' } : { key: sort, direction: 'ascending' };
}

/** The whole list as CSV and XLSX, in the language the user reads the app in. */
export function Downloads({ path, query, name, label }: { path: string; query: Query; name: string; label: string }) {
  const { t, lang } = useT();
  return (
    <div class="d-flex flex-wrap gap-2 mb-4" role="group" aria-label={label}>
      <a href={listFileUrl(path, query, 'csv', lang)} download class="btn btn-outline-primary btn-sm" data-testid={`${name}-csv`}>
        {t('overview.downloadCsv')}
      </a>
      <a href={listFileUrl(path, query, 'xlsx', lang)} download class="btn btn-outline-primary btn-sm" data-testid={`${name}-xlsx`}>
        {t('overview.downloadXlsx')}
      </a>
    </div>
  );
}

export function WorkList<T, K extends string>({
  title,
  intro,
  path,
  name,
  filterKeys,
  filters,
  defaultSort,
  load,
  columns,
  rowKey,
  summary,
}: {
  title: string;
  intro: string;
  /** The API path, also the page's. */
  path: string;
  /** Test ids and file names. */
  name: string;
  filterKeys: readonly K[];
  /** The filter fields, given the inputs and their setters. */
  filters?: (inputs: Record<K, string>, set: (k: K) => (v: string) => void) => VNode;
  defaultSort: string;
  load: (query: Query) => Promise<ListAnswer<T>>;
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  /** A line above the table from the answer (its period, its day). */
  summary?: (answer: ListAnswer<T> & Record<string, unknown>) => ComponentChildren;
}) {
  const { t } = useT();
  usePageTitle(title);
  const f = useFilters([...filterKeys, 'sort'] as const);
  const sort = f.values.sort || defaultSort;
  const query: Query = { ...f.values, sort: f.values.sort || undefined };
  const { data, error, loading } = useData(() => load({ ...query, page: f.page, per_page: PER_PAGE }), [f.key], { keepPrevious: true });
  const state = sortState(sort);
  const onSort = (key: string) => {
    const next = state.key === key && state.direction === 'ascending' ? `-${key}` : key;
    setQuery({ sort: next, page: null });
  };

  return (
    <div data-testid={`${name}-page`}>
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      <p class="lead">{intro}</p>
      {filters ? (
        <FilterBar
          label={t('overview.filters')}
          onApply={() => setQuery({ ...Object.fromEntries(filterKeys.map((k) => [k, f.inputs[k] || null])), page: null })}
          resetHref={path}
          active={filterKeys.some((k) => f.values[k])}
          buttonsClass="col-12 col-md-4"
        >
          {filters(f.inputs as Record<K, string>, f.setter as (k: K) => (v: string) => void)}
        </FilterBar>
      ) : null}
      <Downloads path={path} query={query} name={name} label={t('overview.downloads')} />
      <LoadState error={error} ready={!!data}>
        {() =>
          data && (
            <>
              {summary ? <p>{summary(data as ListAnswer<T> & Record<string, unknown>)}</p> : null}
              <div aria-live="polite">
                <ResultsSummary page={data.page} perPage={data.per_page} total={data.total} />
              </div>
              {data.items.length ? (
                <TableRegion label={title} captionHidden testId={`${name}-table`}>
                  <thead>
                    <tr aria-busy={loading ? 'true' : 'false'}>
                      {columns.map((c) =>
                        c.sort ? (
                          <SortHeader key={c.label} column={c.sort} sort={state} onSort={onSort}>
                            {c.label}
                          </SortHeader>
                        ) : (
                          <th key={c.label} scope="col" class={c.numeric ? 'text-end' : undefined}>
                            {c.label}
                          </th>
                        ),
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((row) => (
                      <tr key={rowKey(row)}>
                        {columns.map((c, i) =>
                          i === 0 ? (
                            <th key={c.label} scope="row" class="fw-normal">
                              {c.cell(row)}
                            </th>
                          ) : (
                            <td key={c.label} class={c.numeric ? 'text-end text-nowrap' : c.nowrap ? 'text-nowrap' : undefined}>
                              {c.cell(row)}
                            </td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </TableRegion>
              ) : null}
              <Pagination page={data.page} perPage={data.per_page} total={data.total} />
            </>
          )
        }
      </LoadState>
    </div>
  );
}
