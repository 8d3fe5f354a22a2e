// /guidance: the guidance pages, one per vulnerability category, searchable by name in the
// reader's language, sorted and saved as CSV; each row says which languages have text and who
// edited last.
import { CsvDownload } from '../../components/CsvDownload';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { LoadState, TextField } from '../../components/forms';
import { HeaderRow, useTableFilter } from '../../components/useTableFilter';
import { formatDateTime } from '../../lib/dates';
import { LANGUAGES, useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useData } from '../../lib/useData';
import { type GuidanceSummary, guidanceApi } from './api';

const CSV_COLUMNS = ['guidance.columns.category', 'guidance.columns.languages', 'guidance.columns.lastEdited', 'guidance.columns.editedBy'] as const;

export function Guidance() {
  const { t, lang } = useT();
  usePageTitle(t('guidance.title'));
  const { data, error } = useData(() => guidanceApi.list(), []);
  const name = (s: GuidanceSummary) => t(`vulnerability.category.${s.category}`);
  const languages = (s: GuidanceSummary) => s.languages.map((code) => LANGUAGES.find((l) => l.code === code)?.label ?? code).join(', ');
  const table = useTableFilter(data?.items, {
    text: name,
    sortKeys: { name, edited: (s: GuidanceSummary) => s.last_edited_at ?? '' },
  });
  return (
    <div data-testid="guidance-list">
      <h1 id="main-heading" tabIndex={-1}>
        {t('guidance.title')}
      </h1>
      <p class="lead">{t('guidance.intro')}</p>
      <LoadState error={error} ready={!!data}>
        {() => (
          <>
            <div class="d-flex flex-wrap gap-3 align-items-end">
              <div class="flex-grow-1">
                <TextField id="guidance-search" label={t('guidance.search')} type="search" value={table.query} onValue={table.setQuery} />
              </div>
              <div class="mb-4">
                <CsvDownload
                  filename="guidance.csv"
                  columns={CSV_COLUMNS}
                  rows={table.rows}
                  cells={(s) => [name(s), languages(s), s.last_edited_at ? formatDateTime(s.last_edited_at, lang) : '', s.last_edited_by?.display_name ?? '']}
                  testId="guidance-csv"
                />
              </div>
            </div>
            <p aria-live="polite">{t('guidance.shown', { count: table.rows.length })}</p>
            <TableRegion label={t('guidance.caption')} captionHidden testId="guidance-table">
              <thead>
                <HeaderRow
                  table={table}
                  columns={[
                    { label: t('guidance.columns.category'), sort: 'name' },
                    { label: t('guidance.columns.languages') },
                    { label: t('guidance.columns.lastEdited'), sort: 'edited' },
                  ]}
                />
              </thead>
              <tbody>
                {table.rows.map((s) => (
                  <tr key={s.category} data-category={s.category}>
                    <th scope="row" class="fw-normal">
                      <Link href={`/guidance/${s.category}`}>{name(s)}</Link>
                    </th>
                    <td>
                      {s.languages.map((code) => (
                        <span key={code} class="badge bg-secondary me-1" lang={code}>
                          {LANGUAGES.find((l) => l.code === code)?.label ?? code}
                        </span>
                      ))}
                    </td>
                    <td>
                      {s.last_edited_at && s.last_edited_by ? (
                        t('guidance.editedBy', { date: formatDateTime(s.last_edited_at, lang), name: s.last_edited_by.display_name })
                      ) : (
                        <span class="text-muted">{t('guidance.noEdits')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          </>
        )}
      </LoadState>
    </div>
  );
}
