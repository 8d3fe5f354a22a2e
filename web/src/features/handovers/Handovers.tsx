// /centres/:id/handovers?month=YYYY-MM: money beside the daily price (decision 0019). The case
// worker sees what each guest is due for the month and what is missing, and records a handover
// (pocket money, phone card, first-entry kit) with the receipt the guest signed, uploaded or drawn
// on the screen; a mistaken one is cancelled with a reason. The Prefettura reads the same page.
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { useConfirm } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { MonthPicker, useMonthQuery } from '../../components/MonthPicker';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { FormErrors, LoadState, Notice, SelectField, TextAreaField, TextField, EuroField } from '../../components/forms';
import { SortHeader, useTableFilter } from '../../components/useTableFilter';
import { NARROW, useMediaQuery } from '../../components/useMediaQuery';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDay, formatMonth, today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { euroToCents, formatEuro } from '../../lib/money';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { ACCEPTED_TYPES, documentsApi } from '../documents/index';
import { type GuestMoney, type Handover, HANDOVER_ITEMS, type HandoverItem, handoversApi, type MonthMoney, RECEIPT_KINDS } from './api';
import { MoneyLines } from './MoneyLines';
import { type SignatureHandle, SignaturePad } from './SignaturePad';

const guestName = (g: { family_name: string; given_names: string }) => `${g.family_name} ${g.given_names}`;
const MIN_REASON = 10;

/** Recording a handover: guest, item, day, amount and month (pocket money), the signed receipt; confirmed first. */
function RecordHandover({ id, money, guest, onCancel, onDone }: { id: number; money: MonthMoney; guest: GuestMoney | null; onCancel: () => void; onDone: (h: Handover) => void }) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const missing = (g: GuestMoney | undefined) => Math.max(0, (g?.pocket_money_due_cents ?? 0) - (g?.pocket_money_handed_over_cents ?? 0));
  const [personId, setPersonId] = useState(guest ? String(guest.person_id) : '');
  const [item, setItem] = useState<HandoverItem>('pocket_money');
  const [day, setDay] = useState(money.complete ? today() : money.to);
  const [amount, setAmount] = useState(guest && missing(guest) ? (missing(guest) / 100).toFixed(2) : '');
  const [receipt, setReceipt] = useState<(typeof RECEIPT_KINDS)[number]>('signature');
  const [file, setFile] = useState<File | null>(null);
  const [pad, setPad] = useState<SignatureHandle | null>(null);
  const chosen = money.guests.find((g) => String(g.person_id) === personId);
  const pocket = item === 'pocket_money';
  const labels = {
    person_id: t('handovers.guest'),
    item: t('handovers.item'),
    handed_on: t('handovers.handedOn'),
    amount_cents: t('handovers.amount'),
    month: t('handovers.month'),
    document_id: t('handovers.receipt'),
  };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => {
      const e: FieldErrors = {};
      if (!personId) e.person_id = ['fieldErrors.required'];
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) e.handed_on = ['fieldErrors.required'];
      else if (day > today()) e.handed_on = ['errors.future_date'];
      if (pocket && !euroToCents(amount)) e.amount_cents = ['fieldErrors.required'];
      if (receipt === 'upload' && !file) e.document_id = ['handovers.chooseFile'];
      return e;
    },
    confirm: () =>
      ask({
        title: t('handovers.confirmTitle', { name: chosen ? guestName(chosen) : '' }),
        body: (
          <p>
            {pocket
              ? t('handovers.confirmPocketMoney', { amount: formatEuro(euroToCents(amount) ?? 0, lang), month: formatMonth(money.month, lang), day: formatDay(day, lang) })
              : t('handovers.confirmItem', { item: t(`handovers.items.${item}`), day: formatDay(day, lang) })}{' '}
            {t('handovers.confirmFinal')}
          </p>
        ),
        confirmLabel: t('handovers.confirmButton'),
      }),
    action: async () => {
      const upload = receipt === 'upload' ? file : await pad?.file();
      if (!upload) throw new Error(t('handovers.signFirst'));
      const doc = await documentsApi.upload(upload);
      onDone(
        await handoversApi.record(id, {
          person_id: Number(personId),
          item,
          handed_on: day,
          ...(pocket ? { amount_cents: euroToCents(amount) ?? 0, month: money.month } : {}),
          receipt_kind: receipt,
          document_id: doc.id,
        }),
      );
    },
  });
  return (
    <ActionPanel id="handover-record" title={t('handovers.recordTitle')}>
      {dialog}
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="handover-record-heading">
        <SelectField
          id="handover-person"
          label={labels.person_id}
          required
          empty={t('handovers.chooseGuest')}
          value={personId}
          onValue={setPersonId}
          options={money.guests.map((g) => ({ value: String(g.person_id), label: guestName(g) }))}
          error={errors.fields.person_id}
        />
        <SelectField
          id="handover-item"
          label={labels.item}
          required
          value={item}
          onValue={setItem}
          options={HANDOVER_ITEMS.map((i) => ({ value: i, label: t(`handovers.items.${i}`) }))}
          error={errors.fields.item}
        />
        <TextField id="handover-day" label={labels.handed_on} type="date" required max={today()} value={day} onValue={setDay} error={errors.fields.handed_on} />
        {pocket ? (
          <EuroField
            id="handover-amount"
            label={labels.amount_cents}
            required
            value={amount}
            onValue={setAmount}
            hint={chosen ? t('handovers.amountHint', { month: formatMonth(money.month, lang), missing: formatEuro(missing(chosen), lang) }) : undefined}
            error={errors.fields.amount_cents ?? errors.fields.month}
          />
        ) : null}
        <fieldset class="mb-3">
          <legend class="form-label fw-semibold h6">{labels.document_id}</legend>
          {RECEIPT_KINDS.map((k) => (
            <div class="form-check" key={k}>
              <input class="form-check-input" type="radio" name="handover-receipt" id={`handover-receipt-${k}`} checked={receipt === k} onChange={() => setReceipt(k)} />
              <label class="form-check-label" for={`handover-receipt-${k}`}>
                {t(`handovers.receiptKinds.${k}`)}
              </label>
            </div>
          ))}
        </fieldset>
        {receipt === 'signature' ? (
          <>
            <SignaturePad id="handover-signature" label={t('handovers.signHere')} error={errors.fields.document_id} onReady={setPad} />
            <button type="button" class="btn btn-outline-secondary btn-sm mb-4" onClick={() => pad?.clear()}>
              {t('handovers.clearSignature')}
            </button>
          </>
        ) : (
          <div class="mb-4">
            <label for="handover-file" class="form-label fw-semibold">
              {t('handovers.fileLabel')}
            </label>
            <input
              id="handover-file"
              type="file"
              class="form-control"
              accept={ACCEPTED_TYPES}
              onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
              aria-invalid={errors.fields.document_id ? 'true' : undefined}
              data-testid="handover-file"
            />
            {errors.fields.document_id ? <div class="field-error">{errors.fields.document_id}</div> : null}
          </div>
        )}
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('handovers.record')} testId="handover-submit" />
      </form>
    </ActionPanel>
  );
}

/** The shortest and longest suspension of pocket money (L. 50/2023; the server checks the same). */
const MIN_SUSPENSION_DAYS = 30;
const MAX_SUSPENSION_MONTHS = 6;

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The Prefettura suspends a guest's pocket money for a period (a reduction measure): confirmed first. */
function SuspendPocketMoney({ id, money, onCancel, onDone }: { id: number; money: MonthMoney; onCancel: () => void; onDone: (name: string) => void }) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const [personId, setPersonId] = useState('');
  const [from, setFrom] = useState(today());
  const [until, setUntil] = useState(addDays(today(), MIN_SUSPENSION_DAYS));
  const [reason, setReason] = useState('');
  const chosen = money.guests.find((g) => String(g.person_id) === personId);
  const labels = { person_id: t('handovers.guest'), from: t('handovers.suspend.from'), until: t('handovers.suspend.until'), reason: t('handovers.suspend.reason') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => {
      const e: FieldErrors = {};
      if (!personId) e.person_id = ['fieldErrors.required'];
      if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) e.from = ['fieldErrors.required'];
      else if (from > today()) e.from = ['errors.future_date'];
      if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) e.until = ['fieldErrors.required'];
      else if (/^\d{4}-\d{2}-\d{2}$/.test(from) && (until < addDays(from, MIN_SUSPENSION_DAYS) || until > addMonths(from, MAX_SUSPENSION_MONTHS)))
        e.until = ['handovers.suspend.bounds', { earliest: formatDay(addDays(from, MIN_SUSPENSION_DAYS), lang), latest: formatDay(addMonths(from, MAX_SUSPENSION_MONTHS), lang) }];
      if (reason.trim().length < MIN_REASON) e.reason = ['fieldErrors.min_length', { n: MIN_REASON }];
      return e;
    },
    confirm: () =>
      ask({
        title: t('handovers.suspend.confirmTitle', { name: chosen ? guestName(chosen) : '' }),
        body: <p>{t('handovers.suspend.confirmExplain', { from: formatDay(from, lang), last: formatDay(addDays(until, -1), lang) })}</p>,
        confirmLabel: t('handovers.suspend.confirmButton'),
      }),
    action: async () => {
      await handoversApi.suspend(id, { person_id: Number(personId), from, until, reason: reason.trim() });
      onDone(chosen ? guestName(chosen) : '');
    },
  });
  return (
    <ActionPanel id="pocket-money-suspend" title={t('handovers.suspend.title')}>
      {dialog}
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="pocket-money-suspend-heading">
        <p>{t('handovers.suspend.intro')}</p>
        <SelectField
          id="suspend-person"
          label={labels.person_id}
          required
          empty={t('handovers.chooseGuest')}
          value={personId}
          onValue={setPersonId}
          options={money.guests.map((g) => ({ value: String(g.person_id), label: guestName(g) }))}
          error={errors.fields.person_id}
        />
        <TextField id="suspend-from" label={labels.from} type="date" required max={today()} value={from} onValue={setFrom} error={errors.fields.from} />
        <TextField id="suspend-until" label={labels.until} type="date" required hint={t('handovers.suspend.untilHint')} value={until} onValue={setUntil} error={errors.fields.until} />
        <TextAreaField id="suspend-reason" label={labels.reason} required maxLength={500} rows={2} value={reason} onValue={setReason} error={errors.fields.reason} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('handovers.suspend.submit')} testId="suspend-submit" />
      </form>
    </ActionPanel>
  );
}

/** Cancelling a mistaken handover: the reason, then confirmed. */
function CancelHandover({ handover, name, onCancel, onDone }: { handover: Handover; name: string; onCancel: () => void; onDone: () => void }) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const [reason, setReason] = useState('');
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (reason.trim().length < MIN_REASON ? { reason: ['fieldErrors.min_length', { n: MIN_REASON }] } : {}),
    confirm: () =>
      ask({
        title: t('handovers.cancelTitle'),
        body: <p>{t('handovers.cancelExplain', { item: t(`handovers.items.${handover.item}`), name, day: formatDay(handover.handed_on, lang) })}</p>,
        confirmLabel: t('handovers.cancelConfirm'),
      }),
    action: async () => {
      await handoversApi.cancel(handover.id, reason.trim());
      onDone();
    },
  });
  return (
    <ActionPanel id="handover-cancel" title={t('handovers.cancelTitle')} compact>
      {dialog}
      <FormErrors errors={errors} labels={{ reason: t('handovers.cancelReason') }} />
      <form onSubmit={submit} noValidate aria-labelledby="handover-cancel-heading">
        <TextAreaField id="handover-cancel-reason" label={t('handovers.cancelReason')} required maxLength={500} rows={2} value={reason} onValue={setReason} error={errors.fields.reason} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('handovers.cancelConfirm')} testId="handover-cancel-submit" />
      </form>
    </ActionPanel>
  );
}

function Guests({ money, onRecord }: { money: MonthMoney; onRecord: ((g: GuestMoney) => void) | null }) {
  const { t, lang } = useT();
  const eur = (c: number) => formatEuro(c, lang);
  const missing = (g: GuestMoney) => Math.max(0, g.pocket_money_due_cents - g.pocket_money_handed_over_cents);
  const table = useTableFilter<GuestMoney, 'name' | 'due' | 'missing'>(money.guests, {
    text: guestName,
    sortKeys: { name: guestName, due: (g) => g.pocket_money_due_cents, missing },
    initial: { key: 'name', direction: 'ascending' },
  });
  const narrow = useMediaQuery(NARROW);
  const search = <TextField id="handovers-search" label={t('handovers.search')} type="search" value={table.query} onValue={table.setQuery} />;
  const recordButton = (g: GuestMoney) =>
    onRecord ? (
      <button type="button" class="btn btn-link p-0" onClick={() => onRecord(g)} data-testid="handover-open">
        {t('handovers.record')}
        <span class="visually-hidden"> {guestName(g)}</span>
      </button>
    ) : null;
  // On a phone, one card per guest: seven columns do not fit 360 px.
  if (narrow)
    return (
      <>
        {search}
        <ul class="list-unstyled" aria-label={t('handovers.guestsCaption', { month: formatMonth(money.month, lang) })} data-testid="handover-guests">
          {table.rows.map((g) => (
            <li key={g.person_id} data-person={g.person_id} class="border rounded p-3 mb-2">
              <p class="fw-semibold mb-1">
                <bdi>{guestName(g)}</bdi>
              </p>
              <dl class="row mb-1 small">
                <dt class="col-7 fw-normal">{t('handovers.pocketMoneyDue')}</dt>
                <dd class="col-5 mb-0 text-end">{eur(g.pocket_money_due_cents)}</dd>
                <dt class="col-7 fw-normal">{t('handovers.handedOver')}</dt>
                <dd class="col-5 mb-0 text-end">{eur(g.pocket_money_handed_over_cents)}</dd>
                <dt class="col-7 fw-normal">{t('handovers.missing')}</dt>
                <dd class={`col-5 mb-0 text-end${missing(g) ? ' fw-semibold text-danger' : ''}`}>{eur(missing(g))}</dd>
                <dt class="col-7 fw-normal">{t('handovers.items.phone_card')}</dt>
                <dd class="col-5 mb-0 text-end">{t(`handovers.statuses.${g.phone_card}`)}</dd>
                <dt class="col-7 fw-normal">{t('handovers.items.first_entry_kit')}</dt>
                <dd class="col-5 mb-0 text-end">{t(`handovers.statuses.${g.first_entry_kit}`)}</dd>
              </dl>
              {g.suspended_days ? <p class="small mb-1">{t('handovers.suspendedDays', { count: g.suspended_days })}</p> : null}
              {recordButton(g)}
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <>
      {search}
      <TableRegion label={t('handovers.guestsCaption', { month: formatMonth(money.month, lang) })} small testId="handover-guests">
        <thead>
          <tr>
            <SortHeader column="name" sort={table.sort} onSort={table.toggle}>
              {t('handovers.guest')}
            </SortHeader>
            <SortHeader column="due" sort={table.sort} onSort={table.toggle}>
              {t('handovers.pocketMoneyDue')}
            </SortHeader>
            <th scope="col" class="text-end">
              {t('handovers.handedOver')}
            </th>
            <SortHeader column="missing" sort={table.sort} onSort={table.toggle}>
              {t('handovers.missing')}
            </SortHeader>
            <th scope="col">{t('handovers.items.phone_card')}</th>
            <th scope="col">{t('handovers.items.first_entry_kit')}</th>
            {onRecord ? (
              <th scope="col">
                <span class="visually-hidden">{t('handovers.record')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((g) => (
            <tr key={g.person_id} data-person={g.person_id}>
              <th scope="row" class="fw-normal">
                <bdi>{guestName(g)}</bdi>
                {g.suspended_days ? <div class="small">{t('handovers.suspendedDays', { count: g.suspended_days })}</div> : null}
              </th>
              <td class="text-end">{eur(g.pocket_money_due_cents)}</td>
              <td class="text-end">{eur(g.pocket_money_handed_over_cents)}</td>
              <td class={`text-end${missing(g) ? ' fw-semibold text-danger' : ''}`}>{eur(missing(g))}</td>
              <td>{t(`handovers.statuses.${g.phone_card}`)}</td>
              <td>{t(`handovers.statuses.${g.first_entry_kit}`)}</td>
              {onRecord ? <td>{recordButton(g)}</td> : null}
            </tr>
          ))}
        </tbody>
      </TableRegion>
    </>
  );
}

function HandoverList({ money, mayCancel, onChanged }: { money: MonthMoney; mayCancel: boolean; onChanged: () => void }) {
  const { t, lang } = useT();
  const [cancelling, setCancelling] = useState<number | null>(null);
  const names = new Map(money.guests.map((g) => [g.person_id, guestName(g)]));
  if (!money.handovers.length) return <p data-testid="no-handovers">{t('handovers.none')}</p>;
  return (
    <ul class="list-unstyled" data-testid="handover-list">
      {money.handovers.map((h) => (
        <li key={h.id} class="mb-2" data-status={h.status}>
          {h.status === 'cancelled' ? <span class="badge bg-secondary me-1">{t('handovers.cancelled')}</span> : null}
          {t('handovers.line', {
            day: formatDay(h.handed_on, lang),
            name: names.get(h.person_id) ?? `#${h.person_id}`,
            item: t(`handovers.items.${h.item}`),
          })}
          {h.item === 'pocket_money' ? ` · ${formatEuro(h.amount_cents, lang)} (${formatMonth(h.month ?? money.month, lang)})` : null}{' '}
          <a href={documentsApi.contentUrl(h.document_id)} download>
            {t(`handovers.receiptLink.${h.receipt_kind}`)}
          </a>
          {h.cancel_reason ? <div class="small">{t('handovers.cancelledBecause', { reason: h.cancel_reason })}</div> : null}
          {mayCancel && h.status === 'recorded' && cancelling !== h.id ? (
            <button type="button" class="btn btn-link p-0 ms-3 align-baseline" onClick={() => setCancelling(h.id)} data-testid="handover-cancel-open">
              {t('handovers.cancel')}
            </button>
          ) : null}
          {cancelling === h.id ? (
            <CancelHandover
              handover={h}
              name={names.get(h.person_id) ?? ''}
              onCancel={() => setCancelling(null)}
              onDone={() => {
                setCancelling(null);
                onChanged();
              }}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function HandoversPage({ id }: { id: number }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const { month, max } = useMonthQuery();
  const { data, error, reload } = useData(() => handoversApi.month(id, month), [id, month]);
  const [form, setForm] = useState<{ guest: GuestMoney | null } | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const mayRecord = can('handovers.record');
  const maySuspend = can('measures.decide');
  const [suspending, setSuspending] = useState(false);
  usePageTitle(t('handovers.pageTitle', { month: formatMonth(month, lang) }));
  const open = (guest: GuestMoney | null) => {
    setRecorded(null);
    setForm({ guest });
  };
  return (
    <div data-testid="handovers-page" data-month={month}>
      <Link href={`/centres/${id}/costs?month=${month}`} class="back-link d-inline-flex align-items-center mb-3">
        <Icon name="chevron-left" class="icon-primary icon-sm" directional />
        {t('handovers.backToCosts')}
      </Link>
      <h1 id="main-heading" tabIndex={-1}>
        {t('handovers.pageTitle', { month: formatMonth(month, lang) })}
      </h1>
      <p>{t('handovers.intro')}</p>
      <MonthPicker id="handovers-month" path={`/centres/${id}/handovers`} label={t('handovers.chooseMonth')} button={t('handovers.show')} month={month} max={max} />
      <LoadState error={error} ready={!!data}>
        {() =>
          data && (
            <>
              {recorded ? <Notice kind="success">{recorded}</Notice> : null}
              {mayRecord && !form ? (
                <button type="button" class="btn btn-primary mb-3" onClick={() => open(null)} data-testid="handover-new">
                  {t('handovers.recordTitle')}
                </button>
              ) : null}
              {maySuspend && !suspending ? (
                <button
                  type="button"
                  class="btn btn-outline-primary mb-3"
                  onClick={() => {
                    setRecorded(null);
                    setSuspending(true);
                  }}
                  data-testid="suspend-open"
                >
                  {t('handovers.suspend.title')}
                </button>
              ) : null}
              {maySuspend && suspending ? (
                <SuspendPocketMoney
                  id={id}
                  money={data}
                  onCancel={() => setSuspending(false)}
                  onDone={(name) => {
                    setSuspending(false);
                    setRecorded(t('handovers.suspend.done', { name }));
                    reload();
                  }}
                />
              ) : null}
              {mayRecord && form ? (
                <RecordHandover
                  key={form.guest?.person_id ?? 0}
                  id={id}
                  money={data}
                  guest={form.guest}
                  onCancel={() => setForm(null)}
                  onDone={(h) => {
                    setForm(null);
                    const g = data.guests.find((x) => x.person_id === h.person_id);
                    setRecorded(t('handovers.recorded', { item: t(`handovers.items.${h.item}`), name: g ? guestName(g) : '' }));
                    reload();
                  }}
                />
              ) : null}
              <section aria-labelledby="handover-lines-heading" class="mb-4">
                <h2 id="handover-lines-heading" class="h3">
                  {t('handovers.linesTitle')}
                </h2>
                <MoneyLines lines={data.lines} caption={t('handovers.linesCaption', { month: formatMonth(month, lang) })} />
              </section>
              <section aria-labelledby="handover-guests-heading" class="mb-4">
                <h2 id="handover-guests-heading" class="h3">
                  {t('handovers.guestsTitle')}
                </h2>
                <Guests money={data} onRecord={mayRecord ? open : null} />
              </section>
              <section aria-labelledby="handover-list-heading" class="mb-4">
                <h2 id="handover-list-heading" class="h3">
                  {t('handovers.listTitle')}
                </h2>
                <HandoverList money={data} mayCancel={mayRecord} onChanged={reload} />
              </section>
            </>
          )
        }
      </LoadState>
    </div>
  );
}
