// CSV text for an Italian office's spreadsheet, by the same rules as the server's office files
// (src/reporting/table.h, decision 0021): ';' separated, because Excel set to Italian reads ','
// as the decimal sign and would put a whole row in one cell; dates dd/mm/yyyy; cells quoted when
// they hold the separator, a quote or a line break (RFC 4180).

/** A cell: text typed by someone, a number we computed, a day (`{ day: 'YYYY-MM-DD' }`), or nothing. */
export type CsvCell = string | number | { day: string } | null | undefined;

// A spreadsheet opening the file would run a text cell starting with one of these as a formula
// (CSV injection, e.g. a name typed as "=HYPERLINK(...)"); a leading apostrophe keeps it text.
// Numbers are ours, so a negative number keeps its '-'.
const FORMULA_START = /^[=+\-@\t\r]/;

/** YYYY-MM-DD as dd/mm/yyyy; anything else as it is. */
export function officeDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function cellText(v: CsvCell): string {
  if (v == null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') return officeDay(v.day);
  return FORMULA_START.test(v) ? `'${v}` : v;
}

function quoted(s: string): string {
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV text, header row first, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header.map((h) => quoted(cellText(h))), ...rows.map((r) => r.map((c) => quoted(cellText(c))))]
    .map((r) => r.join(';'))
    .join('\r\n') + '\r\n';
}
