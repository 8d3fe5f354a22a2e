// Days (YYYY-MM-DD) relative to the server's today: the calendar day in Europe/Rome, where the
// Prefettura is (core/clock.h). Counting from the UTC day instead made tests that name today or
// tomorrow fail between 23:00 and 24:00 UTC (an hour earlier in summer), when Rome is a day ahead.
const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

export const addDays = (day, n) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export function daysAgo(n) {
  return addDays(romeDay.format(new Date()), -n);
}

/** The month (YYYY-MM) `n` months before Rome's current one (negative: after). */
export function monthsAgo(n) {
  const [y, m] = daysAgo(0).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 - n, 1)).toISOString().slice(0, 7);
}

/** How many days `month` (YYYY-MM) has. */
export function daysInMonth(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
