// Filtering by text and sorting by column of a table whose rows are all in the browser (a
// centre's guests): the hook keeps the query and the sort, SortHeader is a column heading that
// sorts (aria-sort tells screen readers the order). Text is compared without accents or case,
// as the server's person search does (decision 0007).
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { useT } from '../lib/i18n';

export type SortDirection = 'ascending' | 'descending';

/** Lower case, without diacritics: "Traoré" and "TRAORE" compare equal. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function useTableFilter<T, K extends string>(
  rows: readonly T[] | null | undefined,
  options: {
    text: (row: T) => string;
    sortKeys: Record<K, (row: T) => string | number>;
    initial?: { key: NoInfer<K>; direction: SortDirection };
    /** The text to filter by at first (e.g. a CIG a link asks for). */
    initialQuery?: string;
  },
) {
  const { lang } = useT();
  const [query, setQuery] = useState(options.initialQuery ?? '');
  const [sort, setSort] = useState<{ key: K; direction: SortDirection } | null>(options.initial ?? null);
  const shown = useMemo(() => {
    if (!rows) return [];
    const words = foldText(query).split(/\s+/).filter(Boolean);
    const kept = words.length ? rows.filter((r) => {
      const text = foldText(options.text(r));
      return words.every((w) => text.includes(w));
    }) : [...rows];
    if (!sort) return kept;
    const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
    const value = options.sortKeys[sort.key];
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return kept.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
    });
  }, [rows, query, sort, lang]);
  const toggle = (key: K) =>
    setSort((s) => ({ key, direction: s?.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));
  return { query, setQuery, sort, setSort, toggle, rows: shown };
}

/** A column heading that sorts the table by its column. */
export function SortHeader<K extends string>({
  column,
  sort,
  onSort,
  children,
}: {
  column: K;
  sort: { key: K; direction: SortDirection } | null;
  onSort: (key: K) => void;
  children: ComponentChildren;
}) {
  const { t } = useT();
  const active = sort?.key === column;
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'}>
      <button type="button" class="btn btn-link p-0 text-start fw-semibold" data-sort={column} onClick={() => onSort(column)}>
        {children}
        <span class="visually-hidden"> {t('common.sortBy')}</span>
        {active ? <span aria-hidden="true">{sort.direction === 'ascending' ? ' ▲' : ' ▼'}</span> : null}
      </button>
    </th>
  );
}

/** A column of HeaderRow: sorted by `sort` when given, else a plain heading. */
export type HeaderColumn<K extends string> = { label: ComponentChildren; sort?: K };

/**
 * The heading row of a table kept by useTableFilter: each column sorts when it names a sort key,
 * and `actions` adds the last column, of buttons, named for screen readers only.
 */
export function HeaderRow<K extends string>({
  columns,
  table,
  actions = false,
}: {
  columns: HeaderColumn<K>[];
  table: { sort: { key: K; direction: SortDirection } | null; toggle: (key: K) => void };
  actions?: boolean;
}) {
  const { t } = useT();
  return (
    <tr>
      {columns.map((c, i) =>
        c.sort ? (
          <SortHeader key={c.sort} column={c.sort} sort={table.sort} onSort={table.toggle}>
            {c.label}
          </SortHeader>
        ) : (
          <th key={i} scope="col">
            {c.label}
          </th>
        ),
      )}
      {actions ? (
        <th scope="col">
          <span class="visually-hidden">{t('common.actions')}</span>
        </th>
      ) : null}
    </tr>
  );
}
