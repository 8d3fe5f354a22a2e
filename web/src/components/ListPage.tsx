import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../lib/i18n';
import { Link, navigate, useLocation } from '../lib/router';
import { Icon } from './Icon';
import { Pagination, ResultsSummary } from './Pagination';
import { LoadState } from './forms';
import { pageParam, type useList } from './useList';

/**
 * Filters kept in the query string: `values` are the applied ones, `inputs` what the form holds;
 * the inputs follow the query string when it changes (back/forward, reset).
 */
export function useFilters<K extends string>(keys: readonly K[]) {
  const loc = useLocation();
  const values = Object.fromEntries(keys.map((k) => [k, loc.query.get(k) ?? ''])) as Record<K, string>;
  const page = pageParam(loc.query);
  const applied = keys.map((k) => values[k]).join('|');
  const [inputs, setInputs] = useState(values);
  useEffect(() => setInputs(values), [applied]);
  return {
    values,
    inputs,
    page,
    /** Changes whenever the list must be reloaded. */
    key: `${applied}|${page}`,
    active: keys.some((k) => values[k]),
    setter: (k: K) => (v: string) => setInputs((prev) => ({ ...prev, [k]: v })),
  };
}

/** The page heading of a list, with a "new" button for those who may create. */
export function ListHeader({ title, newHref, newLabel, newTestId }: { title: string; newHref?: string; newLabel: string; newTestId: string }) {
  return (
    <div class="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-4">
      <h1 id="main-heading" tabIndex={-1} class="mb-0">
        {title}
      </h1>
      {newHref ? (
        <Link href={newHref} class="btn btn-primary" data-testid={newTestId}>
          <Icon name="plus" class="icon-white icon-sm me-1" />
          {newLabel}
        </Link>
      ) : null}
    </div>
  );
}

/** The search form above a list, with its search and reset buttons. */
export function FilterBar({
  label,
  onApply,
  resetHref,
  active,
  buttonsClass,
  children,
}: {
  label: string;
  onApply: () => void;
  resetHref: string;
  /** Whether any filter is applied, i.e. whether to offer a reset. */
  active: boolean;
  /** Grid classes of the column holding the buttons. */
  buttonsClass: string;
  children: ComponentChildren;
}) {
  const { t } = useT();
  return (
    <form
      role="search"
      aria-label={label}
      class="row align-items-end filters"
      onSubmit={(e) => {
        e.preventDefault();
        onApply();
      }}
    >
      {children}
      <div class={`${buttonsClass} mb-4 d-flex gap-2`}>
        <button type="submit" class="btn btn-primary">
          <Icon name="search" class="icon-white icon-sm me-1" />
          {t('common.search')}
        </button>
        {active ? (
          <button type="button" class="btn btn-outline-primary" onClick={() => navigate(resetHref)}>
            {t('common.reset')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The visually hidden header of a column of row actions. */
export function ActionsHeader() {
  const { t } = useT();
  return (
    <th scope="col">
      <span class="visually-hidden">{t('common.actions')}</span>
    </th>
  );
}

/** A page of results: loading and error states, a summary, the table and the pagination. */
export function DataTable<T>({
  list,
  label,
  testId,
  tableClass = 'table table-hover',
  head,
  row,
}: {
  list: ReturnType<typeof useList<T>>;
  label: string;
  testId: string;
  tableClass?: string;
  /** The header cells. */
  head: ComponentChildren;
  row: (item: T, index: number) => VNode;
}) {
  const data = list.data;
  return (
    <LoadState error={list.error} ready={!!data}>
      {() =>
        data && (
          <>
            <div aria-live="polite">
              <ResultsSummary page={data.page} perPage={data.per_page} total={data.total} capped={data.total_capped} />
            </div>
            {data.items.length ? (
              <div class="table-responsive" tabIndex={0} role="region" aria-label={label}>
                <table class={tableClass} data-testid={testId} aria-busy={list.loading ? 'true' : 'false'}>
                  <caption class="visually-hidden">{label}</caption>
                  <thead>
                    <tr>{head}</tr>
                  </thead>
                  <tbody>{data.items.map(row)}</tbody>
                </table>
              </div>
            ) : null}
            <Pagination page={data.page} perPage={data.per_page} total={data.total} />
          </>
        )
      }
    </LoadState>
  );
}
