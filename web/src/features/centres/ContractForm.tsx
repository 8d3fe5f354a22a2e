// Adds a contract to a centre.
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons } from '../../components/ActionPanel';
import { EuroField, FormErrors, SelectField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { plainRuleErrors } from '../../lib/errors';
import { useT } from '../../lib/i18n';
import { euroToCents, formatEuro, vatCents } from '../../lib/money';
import { useData } from '../../lib/useData';
import { centresApi } from './api';
import { useContractManagers } from './contractManagers';

/** An overlapping contract is explained by the form itself: the server's English field reasons are dropped. */
const contractRuleErrors = <T,>(p: Promise<T>) => plainRuleErrors(p, new Set(['contract_overlap']));

/** A VAT rate in per cent, as the language writes a percentage. */
export const formatPercent = (rate: number, lang: string) => new Intl.NumberFormat(lang, { style: 'percent' }).format(rate / 100);

// The VAT rates a contract may carry (the server's vat_rates()).
const VAT_RATES = ['0', '4', '5', '10', '22'];

/** The day's price with its VAT and the total, as the form stands (nothing until the price is one). */
function GrossLine({ price, vat }: { price: string; vat: string }) {
  const { t, lang } = useT();
  const net = euroToCents(price);
  if (net === null || net < 1) return <p class="form-text">{t('contracts.grossHint')}</p>;
  const tax = vatCents(net, Number(vat));
  return (
    <p class="fw-semibold">
      {t('contracts.grossValue', { net: formatEuro(net, lang), vat: formatEuro(tax, lang), gross: formatEuro(net + tax, lang) })}
    </p>
  );
}

export function ContractForm({ id, onCancel, onDone }: { id: number; onCancel: () => void; onDone: (cig: string) => void }) {
  const { t, lang } = useT();
  const managers = useContractManagers();
  // The tender lots already recorded: a contract names one, or a CIG (which opens a lot).
  const { data: lots } = useData(async () => (await centresApi.lots()).items, []);
  const [f, setF] = useState({ lot: '', cig: '', start_date: '', end_date: '', places: '', price: '', vat: '0', pocket: '2,50', cap: '7,50', card: '5,00', kit: '0,00', manager: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((p) => ({ ...p, [k]: v }));
  const labels = {
    lot_id: t('contracts.lot'),
    cig: t('contracts.cig'),
    start_date: t('contracts.startDate'),
    end_date: t('contracts.endDate'),
    places: t('contracts.places'),
    price_cents: t('contracts.price'),
    vat_rate_percent: t('contracts.vatRate'),
    pocket_money_cents: t('contracts.pocketMoney'),
    pocket_money_family_cap_cents: t('contracts.familyCap'),
    phone_card_cents: t('contracts.phoneCard'),
    kit_cents: t('contracts.kit'),
    manager_user_id: t('contracts.manager'),
  };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const e: FieldErrors = {};
      if (!f.lot && !/^[A-Za-z0-9]{10}$/.test(f.cig.trim())) e.cig = ['fieldErrors.cig_format'];
      if (!VAT_RATES.includes(f.vat)) e.vat_rate_percent = ['fieldErrors.not_in_list'];
      if (!f.start_date) e.start_date = ['fieldErrors.required'];
      if (!f.end_date) e.end_date = ['fieldErrors.required'];
      else if (f.start_date && f.end_date < f.start_date) e.end_date = ['fieldErrors.end_before_start'];
      if (!/^\d+$/.test(f.places.trim()) || Number(f.places) < 1) e.places = ['fieldErrors.whole_number'];
      const price = euroToCents(f.price);
      if (price === null || price < 1) e.price_cents = ['fieldErrors.euro_amount'];
      if (euroToCents(f.pocket) === null) e.pocket_money_cents = ['fieldErrors.euro_amount'];
      if (euroToCents(f.cap) === null) e.pocket_money_family_cap_cents = ['fieldErrors.euro_amount'];
      if (euroToCents(f.card) === null) e.phone_card_cents = ['fieldErrors.euro_amount'];
      if (euroToCents(f.kit) === null) e.kit_cents = ['fieldErrors.euro_amount'];
      return e;
    },
    action: async () => {
      const lot = lots?.find((l) => String(l.id) === f.lot);
      const cig = lot ? lot.cig : f.cig.trim().toUpperCase();
      // validate() has refused every amount that is not one.
      const cents = (euro: string) => euroToCents(euro) as number;
      await contractRuleErrors(
        centresApi.addContract(id, {
          ...(lot ? { lot_id: lot.id } : { cig }),
          start_date: f.start_date,
          end_date: f.end_date,
          places: Number(f.places),
          price_cents: cents(f.price),
          vat_rate_percent: Number(f.vat),
          pocket_money_cents: cents(f.pocket),
          pocket_money_family_cap_cents: cents(f.cap),
          phone_card_cents: cents(f.card),
          kit_cents: cents(f.kit),
          manager_user_id: f.manager ? Number(f.manager) : null,
        }),
      );
      onDone(cig);
    },
  });
  return (
    <ActionPanel id="contract-form" title={t('contracts.new')}>
      <FormErrors errors={errors} labels={labels} />
      <form onSubmit={submit} noValidate aria-labelledby="contract-form-heading">
        <div class="row">
          <div class="col-12 col-md-6">
            <SelectField
              id="lot_id"
              label={labels.lot_id}
              hint={t('contracts.lotHint')}
              value={f.lot}
              onValue={set('lot')}
              empty={t('contracts.newLot')}
              options={(lots ?? []).map((l) => ({ value: String(l.id), label: `${l.cig} · ${l.tender}${l.lot ? ` · ${l.lot}` : ''}` }))}
              error={errors.fields.lot_id}
            />
          </div>
          {f.lot ? null : (
            <div class="col-12 col-md-6">
              <TextField id="cig" label={labels.cig} hint={t('contracts.cigHint')} required maxLength={10} dir="ltr" value={f.cig} onValue={set('cig')} error={errors.fields.cig} />
            </div>
          )}
          <div class="col-12 col-md-6">
            <TextField id="places" label={labels.places} required inputMode="numeric" dir="ltr" value={f.places} onValue={set('places')} error={errors.fields.places} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="start_date" label={labels.start_date} required type="date" value={f.start_date} onValue={set('start_date')} error={errors.fields.start_date} />
          </div>
          <div class="col-12 col-md-6">
            <TextField id="end_date" label={labels.end_date} required type="date" value={f.end_date} onValue={set('end_date')} error={errors.fields.end_date} />
          </div>
          <div class="col-12 col-md-4">
            <EuroField
              id="price_cents"
              label={labels.price_cents}
              required
              value={f.price}
              onValue={set('price')}
              error={errors.fields.price_cents}
            />
          </div>
          <div class="col-12 col-md-4">
            <SelectField
              id="vat_rate_percent"
              label={labels.vat_rate_percent}
              hint={t('contracts.vatHint')}
              required
              value={f.vat}
              onValue={set('vat')}
              options={VAT_RATES.map((r) => ({ value: r, label: r === '0' ? t('contracts.vatExempt') : formatPercent(Number(r), lang) }))}
              error={errors.fields.vat_rate_percent}
            />
          </div>
          <div class="col-12" aria-live="polite" data-testid="contract-gross">
            <GrossLine price={f.price} vat={f.vat} />
          </div>
          <div class="col-12 col-md-4">
            <EuroField
              id="pocket_money_cents"
              label={labels.pocket_money_cents}
              value={f.pocket}
              onValue={set('pocket')}
              error={errors.fields.pocket_money_cents}
            />
          </div>
          <div class="col-12 col-md-4">
            <EuroField
              id="pocket_money_family_cap_cents"
              label={labels.pocket_money_family_cap_cents}
              value={f.cap}
              onValue={set('cap')}
              error={errors.fields.pocket_money_family_cap_cents}
            />
          </div>
          <div class="col-12 col-md-4">
            <EuroField id="phone_card_cents" label={labels.phone_card_cents} hint={t('contracts.oncePerPath')} value={f.card} onValue={set('card')} error={errors.fields.phone_card_cents} />
          </div>
          <div class="col-12 col-md-4">
            <EuroField id="kit_cents" label={labels.kit_cents} hint={t('contracts.oncePerPath')} value={f.kit} onValue={set('kit')} error={errors.fields.kit_cents} />
          </div>
          <div class="col-12 col-md-6">
            <SelectField
              id="manager_user_id"
              label={labels.manager_user_id}
              hint={t('contracts.managerHint')}
              value={f.manager}
              onValue={set('manager')}
              empty={t('contracts.noManager')}
              options={managers.map((u) => ({ value: String(u.id), label: u.display_name }))}
              error={errors.fields.manager_user_id}
            />
          </div>
        </div>
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('common.save')} testId="contract-save" />
      </form>
    </ActionPanel>
  );
}
