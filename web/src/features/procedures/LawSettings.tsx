// The law's figures that the calculations use, kept beside the catalogue (decision 0042): Annex C's
// credit loss bands of the integration agreement and the temporary protection contribution's dated
// settings. Every staff role reads them (procedures.read); the admin (procedures.edit) corrects a
// band, adds a setting from its day or withdraws one not in force yet. Each act says first what
// will follow from it and asks; its reason goes to the audit trail.
import { type ComponentChildren, Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { ActionPanel, FormButtons, PanelOpener } from '../../components/ActionPanel';
import { Consequences, Facts, useConfirm } from '../../components/ConfirmDialog';
import { EuroField, FormErrors, LoadState, Notice, TextAreaField, TextField } from '../../components/forms';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { useActionPanel } from '../../components/useActionPanel';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { addDays, formatDay, today } from '../../lib/dates';
import { withReadableDates } from '../../lib/errors';
import { currentLang, type Msg, type TFunction, useT } from '../../lib/i18n';
import { euroText, euroToCents, formatEuro } from '../../lib/money';
import { formatNumber } from '../../lib/numbers';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { BAND_DESCRIPTION_MAX, LOSS_CREDITS_MAX, type LossBand, agreementsApi } from '../agreements/index';
import { LEGAL_REFERENCE_MAX, MAX_MONTHS, type Setting, protectionApi } from '../protection/index';

/** One form open at a time: a band's correction, a new setting, a setting's withdrawal. */
type Action = `band:${string}` | 'add' | `withdraw:${string}`;
type Panel = ReturnType<typeof useActionPanel<Action>>;

/** The server's limit on a reason (agreement_routes.cc, contribution_routes.cc), in characters. */
const REASON_MAX = 500;

const creditText = (n: number, t: TFunction, lang: string) => t('agreements.creditCount', { count: n, n: formatNumber(n, lang) });
const monthText = (n: number, t: TFunction, lang: string) => t('procedures.law.contribution.monthCount', { count: n, n: formatNumber(n, lang) });
const perMonth = (cents: number, t: TFunction, lang: string) => t('procedures.law.contribution.perMonth', { amount: formatEuro(cents, lang) });

/** A whole number typed in a field, checked against the server's range: the field's error, or none. */
function wholeNumberError(text: string, min: number, max: number): FieldErrors[string] | null {
  if (!/^\d+$/.test(text.trim())) return ['fieldErrors.whole_number'];
  const n = Number(text.trim());
  if (n < min) return ['fieldErrors.below_minimum', { min }];
  if (n > max) return ['fieldErrors.above_maximum', { max }];
  return null;
}

export function LawSettings() {
  const { t } = useT();
  const { can } = useSession();
  const title = t('procedures.law.title');
  usePageTitle(title);
  const editable = can('procedures.edit');
  const panel = useActionPanel<Action>();
  return (
    <div data-testid="law-settings">
      <h1 id="main-heading" tabIndex={-1}>
        {title}
      </h1>
      <p>
        {t('procedures.law.intro')}
        {editable ? null : ` ${t('procedures.law.readOnly')}`}
      </p>
      <LossBands editable={editable} panel={panel} />
      <ContributionSettings editable={editable} panel={panel} />
    </div>
  );
}

/** The page's word that an act went through, above the section it changed (focused: announced). */
function Done({ id, message }: { id: string; message: Msg | null }) {
  const { t } = useT();
  return (
    <div id={id} tabIndex={-1}>
      {message ? <Notice kind="success">{message(t)}</Notice> : null}
    </div>
  );
}

function LossBands({ editable, panel }: { editable: boolean; panel: Panel }) {
  const { t, lang } = useT();
  const loaded = useData(() => agreementsApi.lossBands(), []);
  const [done, setDone] = useState<Msg | null>(null);
  const bands = loaded.data?.items ?? [];
  const editing = bands.find((b) => panel.action === `band:${b.code}`);
  const saved = (band: LossBand) => {
    loaded.reload();
    setDone(() => (tt: TFunction) => tt('procedures.law.bands.done', { credits: creditText(band.credits, tt, currentLang()) }));
    panel.finish('loss-bands-done');
  };
  const title = t('procedures.law.bands.title');
  return (
    <section aria-labelledby="loss-bands-heading" class="mb-5" data-testid="loss-bands">
      <h2 id="loss-bands-heading" class="h3">
        {title}
      </h2>
      <p>{t('procedures.law.bands.intro')}</p>
      <Done id="loss-bands-done" message={done} />
      <LoadState error={loaded.error} ready={!!loaded.data}>
        {() => (
          <TableRegion label={title} captionHidden testId="loss-bands-table">
            <thead>
              <tr>
                <th scope="col">{t('procedures.law.bands.ground')}</th>
                <th scope="col">{t('procedures.law.bands.credits')}</th>
              </tr>
            </thead>
            <tbody>
              {bands.map((b) => (
                <tr key={b.code} data-band={b.code}>
                  <td lang="it">{b.description}</td>
                  {/* The button beside the figure it corrects: on a phone they stack, the table stays two columns wide. */}
                  <td>
                    <div class="d-flex flex-wrap align-items-center gap-2">
                      <span class="text-nowrap" data-testid="loss-band-credits">
                        {creditText(b.credits, t, lang)}
                      </span>
                      {editable ? (
                        <PanelOpener panel={panel} action={`band:${b.code}`} label={t('procedures.law.bands.correct')} name={t('procedures.law.bands.correctBand', { band: b.description })} testId="loss-band-correct" />
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        )}
      </LoadState>
      {editing ? <BandForm key={editing.code} band={editing} onSaved={saved} onCancel={panel.close} /> : null}
    </section>
  );
}

function BandForm({ band, onSaved, onCancel }: { band: LossBand; onSaved: (b: LossBand) => void; onCancel: () => void }) {
  const { t, lang } = useT();
  const [description, setDescription] = useState(band.description);
  const [credits, setCredits] = useState(String(band.credits));
  const [reason, setReason] = useState('');
  const { ask, dialog } = useConfirm();
  const labels = { description: t('procedures.law.bands.description'), credits: t('procedures.law.bands.credits'), reason: t('procedures.law.reason') };
  const n = Number(credits.trim());
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const f: FieldErrors = {};
      if (!description.trim()) f.description = ['fieldErrors.required'];
      const creditsError = wholeNumberError(credits, 1, LOSS_CREDITS_MAX);
      if (creditsError) f.credits = creditsError;
      if (!reason.trim()) f.reason = ['fieldErrors.required'];
      return f;
    },
    confirm: () =>
      ask({
        title: t('procedures.law.bands.confirm.title'),
        body: (
          <>
            <Facts
              items={[
                [labels.description, <span lang="it">{description.trim()}</span>],
                [labels.credits, n === band.credits ? creditText(n, t, lang) : t('procedures.law.fromTo', { before: creditText(band.credits, t, lang), after: creditText(n, t, lang) })],
              ]}
            />
            <Consequences
              items={[
                t('procedures.law.bands.confirm.recomputed', { day: formatDay(today(), lang), credits: creditText(n, t, lang) }),
                t('procedures.law.bands.confirm.outcomesStay'),
                t('procedures.law.reasonKept'),
              ]}
            />
          </>
        ),
        confirmLabel: t('procedures.law.bands.confirm.button'),
      }),
    action: async () => onSaved(await agreementsApi.correctLossBand(band.code, { description: description.trim(), credits: n, reason: reason.trim() })),
  });
  return (
    <ActionPanel id="loss-band-panel" title={t('procedures.law.bands.formTitle')}>
      <form onSubmit={submit} noValidate data-testid="loss-band-form">
        <FormErrors errors={errors} labels={labels} />
        <TextAreaField id="description" label={labels.description} required maxLength={BAND_DESCRIPTION_MAX} rows={2} value={description} onValue={setDescription} error={errors.fields.description} />
        <TextField
          id="credits"
          label={labels.credits}
          required
          inputMode="numeric"
          dir="ltr"
          hint={t('procedures.law.between', { min: 1, max: LOSS_CREDITS_MAX })}
          value={credits}
          onValue={setCredits}
          error={errors.fields.credits}
        />
        <TextAreaField id="reason" label={labels.reason} required hint={t('procedures.law.reasonHint')} maxLength={REASON_MAX} rows={2} value={reason} onValue={setReason} error={errors.fields.reason} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('procedures.law.bands.save')} testId="loss-band-save" />
        {dialog}
      </form>
    </ActionPanel>
  );
}

function ContributionSettings({ editable, panel }: { editable: boolean; panel: Panel }) {
  const { t, lang } = useT();
  const loaded = useData(() => protectionApi.settings(), []);
  const [done, setDone] = useState<Msg | null>(null);
  // The server lists them earliest first and says which have begun (its day, Rome's).
  const items = loaded.data?.items ?? [];
  const begun = items.filter((s) => s.in_force);
  const current = begun.at(-1);
  const earlier = begun.slice(0, -1).reverse();
  const scheduled = items.filter((s) => !s.in_force);
  const withdrawing = scheduled.find((s) => panel.action === `withdraw:${s.applies_from}`);
  const finish = (message: Msg) => {
    loaded.reload();
    setDone(() => message);
    panel.finish('contribution-settings-done');
  };
  return (
    <section aria-labelledby="contribution-settings-heading" class="mb-5" data-testid="contribution-settings">
      <h2 id="contribution-settings-heading" class="h3">
        {t('protection.title')}
      </h2>
      <p>{t('procedures.law.contribution.intro')}</p>
      <Done id="contribution-settings-done" message={done} />
      <LoadState error={loaded.error} ready={!!loaded.data}>
        {() => (
          <>
            <h3 class="h5">{t('procedures.law.contribution.inForce')}</h3>
            {current ? (
              <div class="border-start border-4 border-success ps-3 mb-3">
                <SettingFacts setting={current} testId="setting-in-force" />
              </div>
            ) : (
              <p>{t('procedures.law.contribution.noneInForce')}</p>
            )}
            <h3 class="h5">{t('procedures.law.contribution.scheduled')}</h3>
            {scheduled.length ? (
              <ul class="list-unstyled" data-testid="settings-scheduled">
                {scheduled.map((s) => (
                  <li key={s.applies_from} data-setting={s.applies_from} class="border-start border-4 border-info ps-3 mb-3">
                    <SettingFacts setting={s} />
                    {editable ? (
                      <PanelOpener
                        panel={panel}
                        action={`withdraw:${s.applies_from}`}
                        label={t('procedures.law.contribution.withdraw')}
                        name={t('procedures.law.contribution.withdrawSetting', { day: formatDay(s.applies_from, lang) })}
                        testId="setting-withdraw"
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('procedures.law.contribution.noneScheduled')}</p>
            )}
            {withdrawing ? (
              <WithdrawForm
                key={withdrawing.applies_from}
                setting={withdrawing}
                previous={items[items.indexOf(withdrawing) - 1]}
                onDone={() => finish((tt) => tt('procedures.law.contribution.withdrawn', { day: formatDay(withdrawing.applies_from, currentLang()) }))}
                onCancel={panel.close}
              />
            ) : null}
            {editable ? <PanelOpener panel={panel} action="add" label={t('procedures.law.contribution.add')} testId="setting-add" /> : null}
            {panel.action === 'add' ? (
              <AddSettingForm latest={items.at(-1)} onDone={(s) => finish((tt) => tt('procedures.law.contribution.added', { day: formatDay(s.applies_from, currentLang()) }))} onCancel={panel.close} />
            ) : null}
            {earlier.length ? <EarlierSettings settings={earlier} /> : null}
          </>
        )}
      </LoadState>
    </section>
  );
}

function SettingFacts({ setting: s, testId }: { setting: Setting; testId?: string }) {
  const { t, lang } = useT();
  const rows: [string, ComponentChildren][] = [
    [t('procedures.law.contribution.appliesFrom'), formatDay(s.applies_from, lang)],
    [t('procedures.law.contribution.adult'), perMonth(s.adult_cents_per_month, t, lang)],
    [t('procedures.law.contribution.child'), perMonth(s.child_cents_per_month, t, lang)],
    [t('procedures.law.contribution.maxMonths'), monthText(s.max_months, t, lang)],
    [t('procedures.law.contribution.protectionEnds'), formatDay(s.protection_ends, lang)],
    [t('procedures.law.contribution.legalReference'), <bdi>{s.legal_reference}</bdi>],
  ];
  return (
    <dl class="row mb-2" data-testid={testId}>
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt class="col-12 col-md-4 fw-semibold">{label}</dt>
          <dd class="col-12 col-md-8">{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function EarlierSettings({ settings }: { settings: Setting[] }) {
  const { t, lang } = useT();
  const title = t('procedures.law.contribution.earlier');
  return (
    <>
      <h3 class="h5 mt-4">{title}</h3>
      <TableRegion label={title} captionHidden small testId="settings-earlier">
        <thead>
          <tr>
            <th scope="col">{t('procedures.law.contribution.appliesFrom')}</th>
            <th scope="col">{t('procedures.law.contribution.adult')}</th>
            <th scope="col">{t('procedures.law.contribution.child')}</th>
            <th scope="col">{t('procedures.law.contribution.maxMonths')}</th>
            <th scope="col">{t('procedures.law.contribution.protectionEnds')}</th>
            <th scope="col">{t('procedures.law.contribution.legalReference')}</th>
          </tr>
        </thead>
        <tbody>
          {settings.map((s) => (
            <tr key={s.applies_from}>
              <td class="text-nowrap">{formatDay(s.applies_from, lang)}</td>
              <td class="text-nowrap">{formatEuro(s.adult_cents_per_month, lang)}</td>
              <td class="text-nowrap">{formatEuro(s.child_cents_per_month, lang)}</td>
              <td class="text-nowrap">{monthText(s.max_months, t, lang)}</td>
              <td class="text-nowrap">{formatDay(s.protection_ends, lang)}</td>
              <td>
                <bdi>{s.legal_reference}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
    </>
  );
}

/**
 * A new act: from a day after the latest setting's (the server's rule, which it checks), best a day
 * to come so that it can still be withdrawn; the latest's figures offered to change.
 */
function AddSettingForm({ latest, onDone, onCancel }: { latest: Setting | undefined; onDone: (s: Setting) => void; onCancel: () => void }) {
  const { t, lang } = useT();
  const firstDay = latest ? addDays(latest.applies_from, 1) : undefined;
  const [appliesFrom, setAppliesFrom] = useState('');
  const [adult, setAdult] = useState(latest ? euroText(latest.adult_cents_per_month) : '');
  const [child, setChild] = useState(latest ? euroText(latest.child_cents_per_month) : '');
  const [months, setMonths] = useState(latest ? String(latest.max_months) : '');
  const [protectionEnds, setProtectionEnds] = useState(latest?.protection_ends ?? '');
  const [reference, setReference] = useState('');
  const { ask, dialog } = useConfirm();
  const labels = {
    applies_from: t('procedures.law.contribution.appliesFrom'),
    adult_cents_per_month: t('procedures.law.contribution.adult'),
    child_cents_per_month: t('procedures.law.contribution.child'),
    max_months: t('procedures.law.contribution.maxMonths'),
    protection_ends: t('procedures.law.contribution.protectionEnds'),
    legal_reference: t('procedures.law.contribution.legalReference'),
  };
  const adultCents = euroToCents(adult);
  const childCents = euroToCents(child);
  const day = (d: string) => formatDay(d, lang);
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const f: FieldErrors = {};
      if (!appliesFrom) f.applies_from = ['fieldErrors.required'];
      if (adultCents === null) f.adult_cents_per_month = ['fieldErrors.euro_amount'];
      if (childCents === null) f.child_cents_per_month = ['fieldErrors.euro_amount'];
      const monthsError = wholeNumberError(months, 1, MAX_MONTHS);
      if (monthsError) f.max_months = monthsError;
      if (!protectionEnds) f.protection_ends = ['fieldErrors.required'];
      else if (appliesFrom && protectionEnds < appliesFrom) f.protection_ends = ['fieldErrors.end_before_start'];
      if (!reference.trim()) f.legal_reference = ['fieldErrors.required'];
      return f;
    },
    confirm: () =>
      ask({
        title: t('procedures.law.contribution.confirmAdd.title', { day: day(appliesFrom) }),
        body: (
          <Consequences
            items={[
              t('procedures.law.contribution.confirmAdd.follows', {
                day: day(appliesFrom),
                adult: formatEuro(adultCents ?? 0, lang),
                child: formatEuro(childCents ?? 0, lang),
                months: monthText(Number(months), t, lang),
                ends: day(protectionEnds),
              }),
              t('procedures.law.contribution.confirmAdd.before'),
              appliesFrom > today()
                ? t('procedures.law.contribution.confirmAdd.withdrawable', { last: day(addDays(appliesFrom, -1)), day: day(appliesFrom) })
                : t('procedures.law.contribution.confirmAdd.immediate'),
            ]}
          />
        ),
        confirmLabel: t('procedures.law.contribution.confirmAdd.button'),
      }),
    action: async () =>
      onDone(
        await withReadableDates(
          protectionApi.addSetting({
            applies_from: appliesFrom,
            adult_cents_per_month: adultCents ?? 0,
            child_cents_per_month: childCents ?? 0,
            max_months: Number(months),
            protection_ends: protectionEnds,
            legal_reference: reference.trim(),
          }),
        ),
      ),
  });
  return (
    <ActionPanel id="setting-add-panel" title={t('procedures.law.contribution.add')}>
      <form onSubmit={submit} noValidate data-testid="setting-form">
        <FormErrors errors={errors} labels={labels} />
        <TextField
          id="applies_from"
          type="date"
          required
          label={labels.applies_from}
          hint={firstDay ? t('procedures.law.contribution.appliesFromHint', { day: day(firstDay) }) : undefined}
          min={firstDay}
          value={appliesFrom}
          onValue={setAppliesFrom}
          error={errors.fields.applies_from}
        />
        <EuroField id="adult_cents_per_month" required label={labels.adult_cents_per_month} value={adult} onValue={setAdult} error={errors.fields.adult_cents_per_month} />
        <EuroField id="child_cents_per_month" required label={labels.child_cents_per_month} value={child} onValue={setChild} error={errors.fields.child_cents_per_month} />
        <TextField
          id="max_months"
          required
          inputMode="numeric"
          dir="ltr"
          label={labels.max_months}
          hint={t('procedures.law.contribution.maxMonthsHint', { max: MAX_MONTHS })}
          value={months}
          onValue={setMonths}
          error={errors.fields.max_months}
        />
        <TextField id="protection_ends" type="date" required label={labels.protection_ends} value={protectionEnds} onValue={setProtectionEnds} error={errors.fields.protection_ends} />
        <TextField
          id="legal_reference"
          required
          label={labels.legal_reference}
          hint={t('procedures.law.contribution.legalReferenceHint')}
          maxLength={LEGAL_REFERENCE_MAX}
          value={reference}
          onValue={setReference}
          error={errors.fields.legal_reference}
        />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('procedures.law.contribution.add')} testId="setting-save" />
        {dialog}
      </form>
    </ActionPanel>
  );
}

function WithdrawForm({ setting, previous, onDone, onCancel }: { setting: Setting; previous: Setting | undefined; onDone: () => void; onCancel: () => void }) {
  const { t, lang } = useT();
  const [reason, setReason] = useState('');
  const { ask, dialog } = useConfirm();
  const day = formatDay(setting.applies_from, lang);
  const labels = { reason: t('procedures.law.reason') };
  const { errors, busy, submit } = useFormSubmit({
    validate: (): FieldErrors => (reason.trim() ? {} : { reason: ['fieldErrors.required'] }),
    confirm: () =>
      ask({
        title: t('procedures.law.contribution.confirmWithdraw.title', { day }),
        body: (
          <Consequences
            items={[
              previous
                ? t('procedures.law.contribution.confirmWithdraw.previous', { day, previous: formatDay(previous.applies_from, lang) })
                : t('procedures.law.contribution.confirmWithdraw.nonePrevious', { day }),
              t('procedures.law.contribution.confirmWithdraw.final'),
              t('procedures.law.reasonKept'),
            ]}
          />
        ),
        confirmLabel: t('procedures.law.contribution.confirmWithdraw.button'),
      }),
    action: async () => {
      await protectionApi.withdrawSetting(setting.applies_from, { reason: reason.trim() });
      onDone();
    },
  });
  return (
    <ActionPanel id="setting-withdraw-panel" title={t('procedures.law.contribution.withdrawSetting', { day })}>
      <form onSubmit={submit} noValidate data-testid="setting-withdraw-form">
        <FormErrors errors={errors} labels={labels} />
        <TextAreaField id="reason" label={labels.reason} required hint={t('procedures.law.reasonHint')} maxLength={REASON_MAX} rows={2} value={reason} onValue={setReason} error={errors.fields.reason} />
        <FormButtons busy={busy} onCancel={onCancel} saveLabel={t('procedures.law.contribution.withdrawSetting', { day })} testId="setting-withdraw-save" />
        {dialog}
      </form>
    </ActionPanel>
  );
}
