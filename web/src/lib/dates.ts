// Calendar days and months as the pages show them: YYYY-MM-DD strings in, local words out.
// A day of the register or of a stay is a day in Italy, as on the server (which runs in
// Europe/Rome): "today" and times are Rome's whatever the browser's time zone.
import type { Lang } from './i18n';
import { intlLocale } from './numbers';

export const TIME_ZONE = 'Europe/Rome';

// en-CA writes dates as YYYY-MM-DD.
const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day in Rome at `instant` (now by default), as YYYY-MM-DD. */
export function today(instant: Date = new Date()): string {
  return romeDay.format(instant);
}

/** A calendar day (YYYY-MM-DD) in the language shown, without time-zone shifts. */
export function formatDay(day: string | null | undefined, lang: string): string {
  if (!day) return '';
  const d = new Date(`${day}T12:00:00`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium' }).format(d);
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

/** The month in Rome at `instant`, as YYYY-MM. */
export const currentMonth = (instant: Date = new Date()) => today(instant).slice(0, 7);

/** The month before, as YYYY-MM. */
export function lastMonth(instant: Date = new Date()): string {
  return addDays(`${currentMonth(instant)}-01`, -1).slice(0, 7);
}

/** "2026-10" as "ottobre 2026". */
export function formatMonth(month: string, lang: string): string {
  const d = new Date(`${month}-15T12:00:00`);
  if (Number.isNaN(d.getTime())) return month;
  return new Intl.DateTimeFormat(intlLocale(lang), { month: 'long', year: 'numeric' }).format(d);
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(d);
}

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeZone: TIME_ZONE }).format(d);
}
