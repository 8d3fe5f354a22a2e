// A table the browser already holds, saved as a CSV file for the offices' spreadsheets, by the
// rules of the server's office files (lib/csv.ts): headers and words in the language of the page,
// as the server's exports follow the language the user chose (decision 0021); UTF-8 with a byte
// order mark, without which Excel reads accented and Arabic names as garbage.
import { type CsvCell, toCsv } from '../lib/csv';
import { useT } from '../lib/i18n';
import { Icon } from './Icon';

/**
 * A button that saves `rows` (those shown: filtered and sorted) as `filename`. `columns` are
 * translation keys, written in the page's language; `cells` says vocabulary values with the `t`
 * it is given, so that the whole file speaks one language.
 */
export function CsvDownload<T>({
  filename,
  columns,
  rows,
  cells,
  testId,
}: {
  filename: string;
  columns: readonly string[];
  rows: readonly T[];
  cells: (row: T) => CsvCell[];
  testId: string;
}) {
  const { t } = useT();
  const save = () => {
    const text = toCsv(
      columns.map((k) => t(k)),
      rows.map(cells),
    );
    const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.append(a);
    a.click();
    a.remove();
    // Revoked once the browser has taken the file.
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" class="btn btn-outline-primary btn-sm" data-testid={testId} onClick={save}>
      <Icon name="files" class="icon-primary icon-sm me-1" />
      {t('list.downloadCsv')}
    </button>
  );
}
