// A table the browser already holds, saved as a CSV file for the offices' spreadsheets: ';'
// separated, because Excel set to Italian reads ',' as the decimal sign and would put a whole row
// in one cell; UTF-8 with a byte order mark, without which Excel reads accented names as two
// characters each; headers in Italian whatever the page's language, as the server's exports,
// because the file goes into the Prefettura's records.
import { italianT, useT } from '../lib/i18n';
import { Icon } from './Icon';

export type CsvCell = string | number | null | undefined;

/** One CSV text: cells quoted when they hold the separator, a quote or a line break (RFC 4180). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cell = (v: CsvCell) => {
    const s = v == null ? '' : String(v);
    return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

/**
 * A button that saves `rows` (those shown: filtered and sorted) as `filename`. `columns` are
 * translation keys, written in Italian.
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
      columns.map((k) => italianT(k)),
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
