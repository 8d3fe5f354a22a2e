// Calendar days and months as the pages show them: YYYY-MM-DD strings in, local words out.
import type { Lang } from './i18n';

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A calendar day (YYYY-MM-DD) in the language shown, without time-zone shifts. */
export function formatDay(day: string | null | undefined, lang: string): string {
  if (!day) return '';
  const d = new Date(`${day}T12:00:00`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(d);
}

/** Calendar days from `from` to `to` (YYYY-MM-DD): 0 for the same day, negative when earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** The day before or after `day` (YYYY-MM-DD), by calendar. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** YYYY-MM of a local date. */
function monthOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export const currentMonth = () => monthOf(new Date());

export function lastMonth(): string {
  const d = new Date();
  return monthOf(new Date(d.getFullYear(), d.getMonth() - 1, 1));
}

/** "2026-10" as "ottobre 2026". */
export function formatMonth(month: string, lang: string): string {
  const d = new Date(`${month}-15T12:00:00`);
  if (Number.isNaN(d.getTime())) return month;
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric' }).format(d);
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(d);
}
