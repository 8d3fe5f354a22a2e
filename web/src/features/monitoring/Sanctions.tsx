// /sanctions?centre_id=: a centre's sanction ladder (decision 0023): each contract against the 10%
// cap on penalties, the decisions recorded (formal notice, the operator's reply, penalties, special
// administration, termination, and the termination proposal a penalty reaching 10% raises), and,
// for inspectors and officers, recording a new decision. A penalty shows its computation before it
// is recorded: days late × daily rate per mille × the contract's net amount, and what it leaves
// under the cap. A decision is an act: never edited, so the form asks first and says so.
import { useState } from 'preact/hooks';
import { Consequences, Facts, useConfirm } from '../../components/ConfirmDialog';
import { CsvDownload } from '../../components/CsvDownload';
import { usePageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { FormErrors, LoadState, Notice, SelectField, TextAreaField, TextField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { HeaderRow, useTableFilter } from '../../components/useTableFilter';
import { formatDay, today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { euroText, formatEuro } from '../../lib/money';
import { formatNumber } from '../../lib/numbers';
import { ApiError } from '../../lib/api';
import { Link, navigate, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { documentsApi } from '../documents/index';
import { monitoringApi } from './api';
import { DECIDED_KINDS, type PenaltyStatus, type RecordedSanction, SANCTION_KINDS, type Sanction, followupApi } from './followupApi';
import { DocumentFilesField, isolate, MAX_DOCUMENTS } from './followupParts';
import { type Preview, preview } from './penalty';

type Kind = (typeof DECIDED_KINDS)[number];

/** The most documents a decision carries (the server's max_items). */

/** A rate typed per mille, with a decimal comma or point; null when it is not a number. */
function parseRate(text: string): number | null {
  const s = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

const contractLabel = (c: PenaltyStatus, lang: string) => `${formatDay(c.start_date, lang)} – ${formatDay(c.end_date, lang)}`;

/** The contract in force today, else the latest: the one a new penalty is most likely about. */
function likelyContract(contracts: PenaltyStatus[]): PenaltyStatus | undefined {
  const now = today();
  return contracts.find((c) => c.start_date <= now && now <= c.end_date) ?? [...contracts].sort((a, b) => b.end_date.localeCompare(a.end_date))[0];
}

/** The computation of a penalty, as the decree writes it, and where it leaves the contract. */
function PenaltyPreview({ contract, days, rate, p }: { contract: PenaltyStatus; days: number; rate: number; p: Preview }) {
  const { t, lang } = useT();
  return (
    <div class="penalty-preview mb-4" data-testid="penalty-preview" aria-live="polite">
      <h3 class="h6">{t('sanctions.preview.title')}</h3>
      <p class="mb-2" data-testid="penalty-formula">
        {t('sanctions.preview.formula', {
          days: formatNumber(days, lang),
          rate: formatNumber(rate, lang),
          net: formatEuro(contract.net_cents, lang),
          amount: formatEuro(p.amount, lang),
        })}
      </p>
      <Facts
        testId="penalty-cap"
        items={[
          [t('sanctions.cap'), formatEuro(contract.cap_cents, lang)],
          [t('sanctions.applied'), formatEuro(contract.penalties_cents, lang)],
          [t('sanctions.remainingNow'), formatEuro(contract.remaining_cents, lang)],
          [t('sanctions.remainingAfter'), p.overCap ? '—' : formatEuro(p.after, lang)],
        ]}
      />
      {p.outOfBounds ? (
        <div class="alert alert-warning" role="alert" data-testid="penalty-bounds">
          {t('sanctions.preview.bounds', { min: formatNumber(contract.min_rate_per_mille, lang), max: formatNumber(contract.max_rate_per_mille, lang), rule: isolate(contract.rule) })}
        </div>
      ) : null}
      {p.overCap ? (
        <div class="alert alert-warning" role="alert" data-testid="penalty-over-cap">
          {t('sanctions.preview.overCap', { count: p.maxDays })}
        </div>
      ) : p.reachesCap ? (
        <div class="alert alert-warning" role="alert" data-testid="penalty-reaches-cap">
          {t('sanctions.preview.reachesCap')}
        </div>
      ) : null}
    </div>
  );
}

function RecordForm({
  centreId,
  centreName,
  contracts,
  findingId,
  onDone,
}: {
  centreId: number;
  centreName: string;
  contracts: PenaltyStatus[];
  findingId: number | null;
  onDone: (r: RecordedSanction) => void;
}) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const [kind, setKind] = useState<Kind | ''>(findingId ? 'formal_notice' : '');
  const [day, setDay] = useState(today());
  const [protocol, setProtocol] = useState('');
  const [contractId, setContractId] = useState(String(likelyContract(contracts)?.contract_id ?? ''));
  const [daysText, setDaysText] = useState('');
  const [rateText, setRateText] = useState('');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const needsContract = kind === 'penalty' || kind === 'termination';
  const contract = contracts.find((c) => String(c.contract_id) === contractId);
  const days = /^\d+$/.test(daysText.trim()) ? Number(daysText.trim()) : null;
  const rate = parseRate(rateText);
  const p = kind === 'penalty' ? preview(contract, days, rate) : null;
  const labels = {
    kind: t('sanctions.kind'),
    decided_on: t('sanctions.decidedOn'),
    protocol: t('sanctions.protocol'),
    contract_id: t('sanctions.contract'),
    days_late: t('sanctions.daysLate'),
    rate_per_mille: t('sanctions.rate'),
    note: t('sanctions.note'),
    document_ids: t('sanctions.documents'),
  };
  const { errors, busy, submit } = useFormSubmit({
    validate: () => {
      const f: FieldErrors = {};
      if (!kind) f.kind = ['fieldErrors.required'];
      if (!day) f.decided_on = ['fieldErrors.required'];
      else if (day > today()) f.decided_on = ['sanctions.futureDay'];
      if (!protocol.trim()) f.protocol = ['fieldErrors.required'];
      if (needsContract && !contract) f.contract_id = ['fieldErrors.required'];
      if (kind === 'penalty') {
        if (days == null || days < 1) f.days_late = ['sanctions.daysInvalid'];
        if (rate == null) f.rate_per_mille = ['sanctions.rateInvalid'];
      }
      if (files.length > MAX_DOCUMENTS) f.document_ids = [t('findings.attachHint', { count: MAX_DOCUMENTS })];
      return f;
    },
    confirm: () => {
      const k = kind as Kind;
      const facts: [string, preact.ComponentChildren][] = [
        [t('monitoring.centre'), <bdi>{centreName}</bdi>],
        [labels.kind, t(`sanctions.kinds.${k}`)],
        [labels.decided_on, formatDay(day, lang)],
        [labels.protocol, <bdi>{protocol.trim()}</bdi>],
      ];
      if (needsContract && contract) facts.push([labels.contract_id, contractLabel(contract, lang)]);
      if (p) facts.push([t('sanctions.amount'), formatEuro(p.amount, lang)]);
      if (findingId) facts.push([t('sanctions.finding'), t('sanctions.findingNumber', { id: String(findingId) })]);
      const consequences = [t(`sanctions.effects.${k}`)];
      if (p && !p.overCap) consequences.push(t('sanctions.effects.penaltyLeaves', { amount: formatEuro(p.after, lang) }));
      if (p?.reachesCap) consequences.push(t('sanctions.preview.reachesCap'));
      consequences.push(t('sanctions.effects.final'));
      return ask({
        title: t('sanctions.confirmTitle', { centre: centreName }),
        confirmLabel: t('sanctions.confirm', { kind: t(`sanctions.kinds.${k}`) }),
        body: (
          <>
            <Facts testId="sanction-facts" items={facts} />
            <Consequences items={consequences} />
          </>
        ),
      });
    },
    action: async () => {
      const documents = [];
      for (const file of files) documents.push(await documentsApi.upload(file));
      onDone(
        await followupApi.record({
          centre_id: centreId,
          kind: kind as Kind,
          decided_on: day,
          protocol: protocol.trim(),
          note: note.trim() || null,
          contract_id: needsContract && contract ? contract.contract_id : null,
          finding_id: findingId,
          days_late: kind === 'penalty' ? days : null,
          rate_per_mille: kind === 'penalty' ? rate : null,
          document_ids: documents.map((d) => d.id),
        }),
      );
    },
  });
  return (
    <form onSubmit={submit} noValidate data-testid="sanction-form" aria-labelledby="sanction-form-heading" class="guest-action my-4">
      <h2 id="sanction-form-heading" class="h4">
        {t('sanctions.recordTitle')}
      </h2>
      {findingId ? (
        <p data-testid="sanction-finding">
          {t('sanctions.follows')} <Link href={`/findings/${findingId}`}>{t('sanctions.findingNumber', { id: String(findingId) })}</Link>
        </p>
      ) : null}
      <FormErrors errors={errors} labels={labels} />
      <div class="row">
        <div class="col-12 col-md-6">
          <SelectField
            id="sanction-kind"
            label={labels.kind}
            required
            empty={t('sanctions.chooseKind')}
            value={kind}
            onValue={setKind}
            options={DECIDED_KINDS.map((k) => ({ value: k, label: t(`sanctions.kinds.${k}`) }))}
            error={errors.fields.kind}
          />
        </div>
        <div class="col-12 col-md-6">
          <TextField id="sanction-day" type="date" label={labels.decided_on} required max={today()} value={day} onValue={setDay} error={errors.fields.decided_on} />
        </div>
        <div class="col-12 col-md-6">
          <TextField id="sanction-protocol" label={labels.protocol} hint={t('sanctions.protocolHint')} required maxLength={100} value={protocol} onValue={setProtocol} error={errors.fields.protocol} />
        </div>
        {needsContract ? (
          <div class="col-12 col-md-6">
            <SelectField
              id="sanction-contract"
              label={labels.contract_id}
              required
              empty={t('sanctions.chooseContract')}
              value={contractId}
              onValue={setContractId}
              options={contracts.map((c) => ({ value: String(c.contract_id), label: contractLabel(c, lang) }))}
              error={errors.fields.contract_id}
            />
          </div>
        ) : null}
      </div>
      {kind === 'penalty' ? (
        <div class="row">
          <div class="col-12 col-md-6">
            <TextField id="sanction-days" label={labels.days_late} required inputMode="numeric" dir="ltr" value={daysText} onValue={setDaysText} error={errors.fields.days_late} />
          </div>
          <div class="col-12 col-md-6">
            <TextField
              id="sanction-rate"
              label={labels.rate_per_mille}
              hint={contract ? t('sanctions.rateHint', { min: formatNumber(contract.min_rate_per_mille, lang), max: formatNumber(contract.max_rate_per_mille, lang), rule: isolate(contract.rule) }) : undefined}
              required
              inputMode="decimal"
              dir="ltr"
              value={rateText}
              onValue={setRateText}
              error={errors.fields.rate_per_mille}
            />
          </div>
        </div>
      ) : null}
      {p && contract && days != null && rate != null ? <PenaltyPreview contract={contract} days={days} rate={rate} p={p} /> : null}
      {kind === 'special_administration' ? <Notice kind="warning">{t('sanctions.effects.special_administration')}</Notice> : null}
      <TextAreaField id="sanction-note" label={labels.note} maxLength={4000} rows={3} value={note} onValue={setNote} error={errors.fields.note} />
      <DocumentFilesField id="sanction-files" label={labels.document_ids} error={errors.fields.document_ids} onFiles={setFiles} testId="sanction-files" />
      <button type="submit" class="btn btn-primary" disabled={busy} data-testid="sanction-submit">
        {t('sanctions.record')}
      </button>
      {dialog}
    </form>
  );
}

/** Each contract of the centre against the 10% cap. */
function Contracts({ contracts }: { contracts: PenaltyStatus[] }) {
  const { t, lang } = useT();
  if (!contracts.length) return <p data-testid="sanction-no-contracts">{t('sanctions.noContracts')}</p>;
  return (
    <TableRegion label={t('sanctions.contractsCaption')} testId="penalty-status">
      <thead>
        <tr>
          <th scope="col">{t('sanctions.contract')}</th>
          <th scope="col">{t('sanctions.net')}</th>
          <th scope="col">{t('sanctions.cap')}</th>
          <th scope="col">{t('sanctions.applied')}</th>
          <th scope="col">{t('sanctions.remainingNow')}</th>
          <th scope="col">{t('sanctions.rateBounds')}</th>
        </tr>
      </thead>
      <tbody>
        {contracts.map((c) => (
          <tr key={c.contract_id} data-contract={c.contract_id}>
            <th scope="row" class="fw-normal">
              {contractLabel(c, lang)}
              {c.termination_proposed ? <div class="badge bg-danger mt-1">{t('sanctions.kinds.termination_proposal')}</div> : null}
            </th>
            <td>{formatEuro(c.net_cents, lang)}</td>
            <td>{formatEuro(c.cap_cents, lang)}</td>
            <td>{formatEuro(c.penalties_cents, lang)}</td>
            <td>{formatEuro(c.remaining_cents, lang)}</td>
            <td>{t('sanctions.bounds', { min: formatNumber(c.min_rate_per_mille, lang), max: formatNumber(c.max_rate_per_mille, lang), rule: isolate(c.rule) })}</td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

/** A decision's particulars: a penalty's computation, the finding it follows, the penalty that raised a proposal. */
function Details({ s }: { s: Sanction }) {
  const { t, lang } = useT();
  return (
    <>
      {s.kind === 'penalty' && s.amount_cents != null ? (
        <div>
          {t('sanctions.penaltyLine', { days: formatNumber(s.days_late ?? 0, lang), rate: formatNumber(s.rate_per_mille ?? 0, lang), amount: formatEuro(s.amount_cents, lang) })}
        </div>
      ) : null}
      {s.finding_id ? (
        <div>
          <Link href={`/findings/${s.finding_id}`}>{t('sanctions.findingNumber', { id: String(s.finding_id) })}</Link>
        </div>
      ) : null}
      {s.raised_by ? <div>{t('sanctions.raisedBy')}</div> : null}
      {s.note ? (
        <div class="preserve-lines">
          <bdi>{s.note}</bdi>
        </div>
      ) : null}
      {s.documents.length ? (
        <ul class="list-unstyled mb-0">
          {s.documents.map((d) => (
            <li key={d.id}>
              <a href={documentsApi.contentUrl(d.id)} download={d.filename}>
                <bdi>{d.filename}</bdi>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function Ladder({ sanctions, centreName }: { sanctions: Sanction[]; centreName: string }) {
  const { t, lang } = useT();
  const table = useTableFilter(sanctions, {
    text: (s) => [t(`sanctions.kinds.${s.kind}`), s.protocol ?? '', s.note ?? '', formatDay(s.decided_on, lang)].join(' '),
    sortKeys: { date: (s) => `${s.decided_on} ${String(s.id).padStart(12, '0')}`, kind: (s) => SANCTION_KINDS.indexOf(s.kind) },
    initial: { key: 'date', direction: 'descending' },
  });
  if (!sanctions.length) return <p data-testid="sanctions-empty">{t('sanctions.none')}</p>;
  return (
    <>
      <div class="row align-items-end">
        <div class="col-12 col-md-6">
          <TextField id="sanctions-search" label={t('sanctions.search')} type="search" value={table.query} onValue={table.setQuery} />
        </div>
        <div class="col-12 col-md-6 mb-4">
          <CsvDownload
            filename={`sanzioni-${centreName.replace(/[^\p{L}\p{N}]+/gu, '-')}-${today()}.csv`}
            testId="sanctions-csv"
            columns={['sanctions.decidedOn', 'sanctions.kind', 'sanctions.protocol', 'sanctions.daysLate', 'sanctions.rate', 'sanctions.amountEuro', 'sanctions.note']}
            rows={table.rows}
            cells={(s) => [
              { day: s.decided_on },
              t(`sanctions.kinds.${s.kind}`),
              s.protocol,
              s.days_late,
              // Numbers as Italian offices write them, in every language: decision 0021.
              s.rate_per_mille == null ? '' : String(s.rate_per_mille).replace('.', ','),
              s.amount_cents == null ? '' : euroText(s.amount_cents),
              s.note,
            ]}
          />
        </div>
      </div>
      <TableRegion label={t('sanctions.caption', { centre: centreName })} captionHidden testId="sanctions-table">
        <thead>
          <HeaderRow
            table={table}
            columns={[
              { label: t('sanctions.decidedOn'), sort: 'date' },
              { label: t('sanctions.kind'), sort: 'kind' },
              { label: t('sanctions.protocol') },
              { label: t('sanctions.details') },
            ]}
          />
        </thead>
        <tbody>
          {table.rows.map((s) => (
            <tr key={s.id} data-sanction={s.id} data-kind={s.kind}>
              <td>{formatDay(s.decided_on, lang)}</td>
              <th scope="row" class="fw-normal">
                {t(`sanctions.kinds.${s.kind}`)}
              </th>
              <td>{s.protocol ? <bdi>{s.protocol}</bdi> : '—'}</td>
              <td>
                <Details s={s} />
              </td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
    </>
  );
}

function CentreSanctions({ centreId, centreName, findingId }: { centreId: number; centreName: string; findingId: number | null }) {
  const { t, lang } = useT();
  const { can } = useSession();
  const [recorded, setRecorded] = useState<RecordedSanction | null>(null);
  const { data, error, reload } = useData(
    async () => {
      // The contracts' figures are the Prefettura's: a caller who may read the decisions but not
      // them (404 or 403) still sees the decisions.
      const [sanctions, contracts] = await Promise.all([
        followupApi.sanctions(centreId),
        followupApi.penalties(centreId).then(
          (p) => p.items,
          (err: unknown) => {
            if (err instanceof ApiError && (err.status === 403 || err.status === 404)) return null;
            throw err;
          },
        ),
      ]);
      return { sanctions: sanctions.items, contracts };
    },
    [centreId],
    { keepPrevious: true },
  );
  return (
    <LoadState error={error} ready={!!data}>
      {() =>
        data && (
          <>
            {recorded ? (
              <Notice kind="success">
                <span data-testid="sanction-recorded">
                  {t('sanctions.recorded', { kind: t(`sanctions.kinds.${recorded.sanction.kind}`), day: formatDay(recorded.sanction.decided_on, lang) })}
                </span>
                {recorded.termination_proposal ? (
                  <strong class="d-block mt-2" data-testid="sanction-proposal">
                    {t('sanctions.proposalRaised')}
                  </strong>
                ) : null}
              </Notice>
            ) : null}
            {data.contracts ? (
              <section class="mb-5" aria-labelledby="contracts-heading">
                <h2 id="contracts-heading" class="h4">
                  {t('sanctions.contractsHeading')}
                </h2>
                <p>{t('sanctions.contractsIntro')}</p>
                <Contracts contracts={data.contracts} />
              </section>
            ) : null}
            <section class="mb-5" aria-labelledby="ladder-heading">
              <h2 id="ladder-heading" class="h4">
                {t('sanctions.ladderHeading')}
              </h2>
              <p>{t('sanctions.ladderIntro')}</p>
              <Ladder sanctions={data.sanctions} centreName={centreName} />
            </section>
            {can('sanctions.manage') && data.contracts ? (
              <RecordForm
                key={recorded?.sanction.id ?? 0}
                centreId={centreId}
                centreName={centreName}
                contracts={data.contracts}
                findingId={recorded ? null : findingId}
                onDone={(r) => {
                  setRecorded(r);
                  reload();
                }}
              />
            ) : null}
          </>
        )
      }
    </LoadState>
  );
}

export function Sanctions() {
  const { t } = useT();
  const { can } = useSession();
  const loc = useLocation();
  const centreId = Number(loc.query.get('centre_id')) || null;
  const findingId = Number(loc.query.get('finding_id')) || null;
  const centres = useData(() => monitoringApi.centres(), []);
  const centreName = centres.data?.items.find((c) => c.id === centreId)?.name ?? '';
  usePageTitle(centreName ? t('sanctions.pageTitle', { centre: centreName }) : t('sanctions.title'));
  return (
    <div data-testid="sanctions">
      <h1 id="main-heading" tabIndex={-1}>
        {centreName ? t('sanctions.pageTitle', { centre: centreName }) : t('sanctions.title')}
      </h1>
      <p>{can('sanctions.manage') ? t('sanctions.intro') : t('sanctions.introOperator')}</p>
      <LoadState error={centres.error} ready={!!centres.data}>
        {() => (
          <>
            <div class="row">
              <div class="col-12 col-md-6">
                <SelectField
                  id="sanctions-centre"
                  label={t('monitoring.centre')}
                  empty={t('monitoring.chooseCentre')}
                  value={centreId ? String(centreId) : ''}
                  onValue={(v: string) => navigate(v ? `/sanctions?centre_id=${v}` : '/sanctions', { replace: true })}
                  options={(centres.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
                />
              </div>
            </div>
            {centreId && centreName ? (
              <CentreSanctions key={centreId} centreId={centreId} centreName={centreName} findingId={findingId} />
            ) : (
              <p data-testid="sanctions-choose">{t('sanctions.chooseCentreFirst')}</p>
            )}
          </>
        )}
      </LoadState>
    </div>
  );
}
