// Under an invoice: its credit notes and what the invoice comes to after them, and the form that
// issues one. A credit note takes back presence-days and their amount (at the contract's price,
// net of VAT) with a reason; it cannot be undone, so the form first shows what will be credited
// and the invoice's result afterwards, and asks.
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { Consequences, Facts, useConfirm } from '../../components/ConfirmDialog';
import { TableRegion } from '../../components/TableRegion';
import { EuroField, FormErrors, LoadState, Notice, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDay } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { euroToCents, formatEuro, vatCents } from '../../lib/money';
import { formatNumber } from '../../lib/numbers';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { type CreditNote, costsApi, type Invoice } from './api';

const MIN_REASON = 10;

/** An amount taken back, as a negative number: no "-0,00 €" for the VAT of an exempt contract. */
const taken = (cents: number) => (cents ? -cents : 0);

/** What an invoice comes to after its credit notes (their days and amounts are negative). */
function netOf(invoice: Invoice, notes: readonly CreditNote[]) {
  const sum = (f: (n: CreditNote) => number) => notes.reduce((s, n) => s + f(n), 0);
  const days = invoice.presence_days + sum((n) => n.presence_days);
  const amount = invoice.amount_cents + sum((n) => n.amount_cents);
  const vat = invoice.vat_cents + sum((n) => n.vat_cents);
  return { days, amount, vat, gross: amount + vat };
}

/** The invoice's contract price and VAT rate; null for an older invoice of a month spanning two contracts. */
function useContractTerms(centreId: number, invoice: Invoice) {
  const { data } = useData(async () => (await costsApi.contracts(centreId)).items, [centreId]);
  const contract = data?.find((c) => c.id === invoice.contract_id);
  return { loaded: !!data, contract: contract ? { price: contract.price_cents, rate: contract.vat_rate_percent } : null };
}

function CreditNoteForm({
  centreId,
  invoice,
  notes,
  onCancel,
  onDone,
}: {
  centreId: number;
  invoice: Invoice;
  notes: readonly CreditNote[];
  onCancel: () => void;
  onDone: (n: CreditNote) => void;
}) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const terms = useContractTerms(centreId, invoice);
  const [f, setF] = useState({ number: '', days: '', amount: '', reason: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((p) => ({ ...p, [k]: v }));
  const left = netOf(invoice, notes);
  const eur = (c: number) => formatEuro(c, lang);
  const days = /^\d+$/.test(f.days.trim()) ? Number(f.days) : null;
  // Of an invoice of one contract, the amount is the days at its price: worked out, not typed.
  const amount = terms.contract ? (days === null ? null : days * terms.contract.price) : euroToCents(f.amount);
  const vat = (net: number) =>
    terms.contract ? vatCents(net, terms.contract.rate) : Math.sign(net) * Math.round((Math.abs(net) * invoice.vat_cents) / Math.max(invoice.amount_cents, 1));
  const labels = {
    number: t('creditNote.number'),
    presence_days: t('creditNote.days'),
    amount_cents: t('creditNote.amount'),
    reason: t('creditNote.reason'),
  };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!f.number.trim()) e.number = ['fieldErrors.required'];
      if (days === null || days < 1) e.presence_days = ['fieldErrors.whole_number'];
      else if (days > left.days) e.presence_days = ['fieldErrors.credit_exceeds_invoice', { left: left.days }];
      if (amount === null || amount < 1) e.amount_cents = ['fieldErrors.euro_amount'];
      else if (amount > left.amount) e.amount_cents = ['fieldErrors.credit_exceeds_invoice', { left: eur(left.amount) }];
      const r = f.reason.trim();
      if (!r) e.reason = ['fieldErrors.required'];
      else if (r.length < MIN_REASON) e.reason = ['fieldErrors.min_length', { n: MIN_REASON }];
      return e;
    },
    confirm: () => {
      // validate() has refused days and amounts that are not ones.
      const d = days as number;
      const a = amount as number;
      const tax = vat(a);
      return ask({
        title: t('creditNote.confirmTitle', { number: invoice.number }),
        confirmLabel: t('creditNote.confirm', { number: f.number.trim() }),
        body: (
          <>
            <Facts
              testId="credit-note-facts"
              items={[
                [t('creditNote.invoice'), <bdi>{invoice.number}</bdi>],
                [labels.presence_days, formatNumber(-d, lang)],
                [labels.amount_cents, eur(-a)],
                [t('creditNote.vat'), eur(taken(tax))],
                [t('creditNote.gross'), eur(-(a + tax))],
              ]}
            />
            <Consequences
              items={[
                t('creditNote.after', { days: formatNumber(left.days - d, lang), amount: eur(left.amount - a), gross: eur(left.gross - a - tax) }),
                t('creditNote.final'),
              ]}
            />
          </>
        ),
      });
    },
    action: async () => {
      const d = days as number;
      const a = amount as number;
      onDone(await costsApi.creditNote(invoice.id, { number: f.number.trim(), reason: f.reason.trim(), presence_days: -d, amount_cents: -a }));
    },
  });
  return (
    <ActionPanel id="credit-note-form" title={t('creditNote.title', { number: invoice.number })}>
      <p>{t('creditNote.explain', { days: formatNumber(left.days, lang), amount: eur(left.amount) })}</p>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="credit-note-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <TextField id="credit-number" label={labels.number} required maxLength={60} value={f.number} onValue={set('number')} error={errors.fields.number} />
          </div>
          <div class="col-12 col-md-6">
            <TextField
              id="credit-days"
              label={labels.presence_days}
              hint={t('creditNote.daysHint')}
              required
              inputMode="numeric"
              dir="ltr"
              value={f.days}
              onValue={set('days')}
              error={errors.fields.presence_days}
            />
          </div>
          <div class="col-12">
            {terms.contract ? (
              <p aria-live="polite" data-testid="credit-note-amount">
                {amount === null
                  ? t('creditNote.amountFromDays', { price: eur(terms.contract.price) })
                  : t('creditNote.amountValue', { amount: eur(amount), vat: eur(vat(amount)), gross: eur(amount + vat(amount)), price: eur(terms.contract.price) })}
              </p>
            ) : terms.loaded ? (
              <EuroField id="credit-amount" label={labels.amount_cents} hint={t('creditNote.amountHint')} required value={f.amount} onValue={set('amount')} error={errors.fields.amount_cents} />
            ) : null}
            {terms.contract && errors.fields.amount_cents ? <p class="field-error">{errors.fields.amount_cents}</p> : null}
          </div>
        </div>
        <TextAreaField id="credit-reason" label={labels.reason} required maxLength={500} rows={2} value={f.reason} onValue={set('reason')} error={errors.fields.reason} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('creditNote.review')} testId="credit-note-submit" />
      </form>
      {dialog}
    </ActionPanel>
  );
}

/** An invoice's credit notes, its result after them and, for whoever submits invoices, the way to issue one. */
export function CreditNotes({ centreId, invoice }: { centreId: number; invoice: Invoice }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const { data: notes, error, reload } = useData(async () => (await costsApi.creditNotes(invoice.id)).items, [invoice.id]);
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const eur = (c: number) => formatEuro(c, lang);
  return (
    <section aria-labelledby="credit-notes-heading" class="mt-4" data-testid="credit-notes">
      <h3 id="credit-notes-heading" class="h4" tabIndex={-1}>
        {t('creditNote.heading', { number: invoice.number })}
      </h3>
      <div aria-live="polite">{issued ? <Notice kind="success">{t('creditNote.issued', { number: issued })}</Notice> : null}</div>
      <LoadState error={error} ready={!!notes}>
        {() => {
          if (!notes) return null;
          const net = netOf(invoice, notes);
          return (
            <>
              {notes.length ? (
                <>
                  <TableRegion label={t('creditNote.heading', { number: invoice.number })} captionHidden small testId="credit-note-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('creditNote.number')}</th>
                        <th scope="col">{t('creditNote.date')}</th>
                        <th scope="col" class="text-end">
                          {t('creditNote.days')}
                        </th>
                        <th scope="col" class="text-end">
                          {t('creditNote.amount')}
                        </th>
                        <th scope="col" class="text-end">
                          {t('creditNote.gross')}
                        </th>
                        <th scope="col">{t('creditNote.reason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {notes.map((n) => (
                        <tr key={n.id} data-credit-note={n.id}>
                          <th scope="row" class="fw-normal">
                            <bdi>{n.number}</bdi>
                          </th>
                          <td>{formatDay(n.created_at.slice(0, 10), lang)}</td>
                          <td class="text-end">{formatNumber(n.presence_days, lang)}</td>
                          <td class="text-end">{eur(n.amount_cents)}</td>
                          <td class="text-end">{eur(n.gross_cents)}</td>
                          <td>
                            <bdi>{n.reason}</bdi>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </TableRegion>
                  <p class="fw-semibold" data-testid="invoice-net">
                    {t('creditNote.net', { days: formatNumber(net.days, lang), amount: eur(net.amount), vat: eur(net.vat), gross: eur(net.gross) })}
                  </p>
                </>
              ) : (
                <p data-testid="no-credit-notes">{t('creditNote.none')}</p>
              )}
              {can('invoices.submit') && invoice.status === 'submitted' && net.days > 0 && !open ? (
                <button
                  type="button"
                  class="btn btn-outline-primary"
                  data-testid="credit-note-open"
                  onClick={() => {
                    setIssued(null);
                    setOpen(true);
                  }}
                >
                  {t('creditNote.new')}
                </button>
              ) : null}
              {open ? (
                <CreditNoteForm
                  centreId={centreId}
                  invoice={invoice}
                  notes={notes}
                  onCancel={() => setOpen(false)}
                  onDone={(n) => {
                    setOpen(false);
                    setIssued(n.number);
                    reload();
                    window.setTimeout(() => document.getElementById('credit-notes-heading')?.focus(), 0);
                  }}
                />
              ) : null}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
