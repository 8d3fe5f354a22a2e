import { intlLocale } from './numbers';

// Euro amounts: the API speaks integer cents, people read and type euro.

export function formatEuro(cents: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/**
 * Cents as euro the Italian way, without symbol or grouping ("300,00"): what a form offers to edit
 * (euroToCents reads it back) and what an Italian office's spreadsheet reads.
 */
export const euroText = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** Euro typed by a person ("35,50", "35.5", "1.234,50") to cents; null when not a amount. */
export function euroToCents(text: string): number | null {
  let s = text.trim().replace(/\s|€/g, '');
  if (!s) return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  return Math.round(Number(s) * 100);
}

/** The VAT on a net amount in cents, rounded half up to the cent and symmetrically for a negative amount, as the server's vat_cents. */
export function vatCents(netCents: number, ratePercent: number): number {
  return Math.sign(netCents) * Math.round((Math.abs(netCents) * ratePercent) / 100);
}
