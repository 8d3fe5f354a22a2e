// /duplicate-pairs: the queue of records that may be one person (decision 0026, "The queue of
// pairs"), best first, paged by the server; each pair links to the review page of its first
// record with the other one side by side, where the two are merged. The Prefettura may mark a pair
// as two different persons (with a reason, confirmed first) and undo that from the list below.
import { useState } from 'preact/hooks';
import { Consequences, useConfirm } from '../../components/ConfirmDialog';
import { CsvDownload } from '../../components/CsvDownload';
import { usePageTitle } from '../../components/PageTitle';
import { Pagination, ResultsSummary } from '../../components/Pagination';
import { TableRegion } from '../../components/TableRegion';
import { FormErrors, LoadState, Notice, TextAreaField } from '../../components/forms';
import { useFilters } from '../../components/ListPage';
import { PER_PAGE } from '../../components/useList';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { formatDateTime, formatDay, today } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { type DuplicatePair, type PairDismissal, peopleApi, type Person, personName } from './api';

export function DuplicatePairs() {
  const { t } = useT();
  const { can } = useSession();
  const decides = can('persons.merge');
  const f = useFilters([] as const);
  const [version, setVersion] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const { data, error } = useData(() => peopleApi.duplicatePairs({ page: String(f.page), per_page: String(PER_PAGE) }), [f.key, version], { keepPrevious: true });
  const dismissals = useData(async () => (decides ? (await peopleApi.dismissals({ active: 'true', per_page: '50' })).items : []), [decides, version]);
  usePageTitle(t('pairs.title'));
  const refresh = (message: string) => {
    setDone(message);
    setVersion((v) => v + 1);
  };
  return (
    <div data-testid="duplicate-pairs">
      <h1 id="main-heading" tabIndex={-1}>
        {t('pairs.title')}
      </h1>
      <p>{t('pairs.intro')}</p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <LoadState error={error} ready={!!data}>
        {() =>
          data && (
            <>
              <div aria-live="polite">
                <ResultsSummary page={data.page} perPage={data.per_page} total={data.total} capped={data.total_capped} />
              </div>
              {data.items.length ? (
                <>
                  <div class="mb-3">
                    {/* The page shown, in the queue's order. */}
                    <CsvDownload
                      filename={`possibili-duplicati-${today()}-${data.page}.csv`}
                      testId="duplicate-pairs-csv"
                      columns={['pairs.first', 'persons.birthDate', 'pairs.second', 'persons.birthDate', 'duplicates.why', 'duplicates.score']}
                      rows={data.items}
                      cells={(p) => [
                        personName(p.first),
                        p.first.birth_date ? { day: p.first.birth_date } : '',
                        personName(p.second),
                        p.second.birth_date ? { day: p.second.birth_date } : '',
                        p.reasons.map((r) => t(`duplicates.reasons.${r}`)).join('; '),
                        String(p.score),
                      ]}
                    />
                  </div>
                  <PairTable pairs={data.items} decides={decides} onDismissed={refresh} />
                </>
              ) : (
                <p data-testid="no-pairs">{t('pairs.none')}</p>
              )}
              <Pagination page={data.page} perPage={data.per_page} total={data.total} />
            </>
          )
        }
      </LoadState>
      {dismissals.data?.length ? <Dismissals items={dismissals.data} onUndone={refresh} /> : null}
    </div>
  );
}

function Who({ person }: { person: Person }) {
  const { t, lang } = useT();
  return (
    <>
      <Link href={`/persons/${person.id}`}>
        <bdi>{personName(person)}</bdi>
      </Link>
      <br />
      <span class="text-muted small">
        {person.birth_date ? formatDay(person.birth_date, lang) : t('common.none')}
        {person.birth_date_estimated ? ` (${t('persons.estimated')})` : ''}
      </span>
    </>
  );
}

function PairTable({ pairs, decides, onDismissed }: { pairs: DuplicatePair[]; decides: boolean; onDismissed: (message: string) => void }) {
  const { t } = useT();
  const [open, setOpen] = useState<string | null>(null);
  const keyOf = (p: DuplicatePair) => `${p.first.id}-${p.second.id}`;
  return (
    <TableRegion label={t('pairs.table')} captionHidden testId="pair-table">
      <thead>
        <tr>
          <th scope="col">{t('pairs.first')}</th>
          <th scope="col">{t('pairs.second')}</th>
          <th scope="col">{t('duplicates.why')}</th>
          <th scope="col" class="text-end">
            {t('duplicates.score')}
          </th>
          <th scope="col">{t('duplicates.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((p) => {
          const names = { first: personName(p.first), second: personName(p.second) };
          return (
            <tr key={keyOf(p)} data-pair={keyOf(p)}>
              <td>
                <Who person={p.first} />
              </td>
              <td>
                <Who person={p.second} />
              </td>
              <td>
                <ul class="list-unstyled mb-0">
                  {p.reasons.map((r) => (
                    <li key={r} data-reason={r}>
                      {t(`duplicates.reasons.${r}`)}
                    </li>
                  ))}
                </ul>
              </td>
              <td class="text-end">{p.score}</td>
              <td>
                <div class="d-flex flex-wrap gap-2">
                  <Link href={`/persons/${p.first.id}/duplicates?with=${p.second.id}`} class="btn btn-outline-primary btn-xs" data-testid="pair-review">
                    {t('pairs.review')}
                    <span class="visually-hidden"> {t('pairs.reviewPair', names)}</span>
                  </Link>
                  {decides && open !== keyOf(p) ? (
                    <button type="button" class="btn btn-outline-secondary btn-xs" data-testid="pair-dismiss-open" onClick={() => setOpen(keyOf(p))}>
                      {t('pairs.dismiss')}
                      <span class="visually-hidden">
                        {' '}
                        <bdi>{names.first}</bdi> / <bdi>{names.second}</bdi>
                      </span>
                    </button>
                  ) : null}
                </div>
                {decides && open === keyOf(p) ? <DismissForm pair={p} onCancel={() => setOpen(null)} onDismissed={onDismissed} /> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableRegion>
  );
}

function DismissForm({ pair, onCancel, onDismissed }: { pair: DuplicatePair; onCancel: () => void; onDismissed: (message: string) => void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const { ask, dialog } = useConfirm();
  const names = { first: personName(pair.first), second: personName(pair.second) };
  const form = useFormSubmit({
    validate: (): FieldErrors => (reason.trim().length < 3 ? { reason: ['fieldErrors.required'] } : {}),
    confirm: () =>
      ask({
        title: t('pairs.confirmTitle', names),
        confirmLabel: t('pairs.confirmButton'),
        body: <Consequences items={[t('pairs.confirmLeaves'), t('pairs.confirmUndo')]} />,
      }),
    action: async () => {
      await peopleApi.dismissPair({ person_id: pair.first.id, other_id: pair.second.id, reason: reason.trim() });
      onDismissed(t('pairs.dismissed', names));
    },
  });
  const id = `dismiss-reason-${pair.first.id}-${pair.second.id}`;
  return (
    <form onSubmit={form.submit} noValidate class="mt-2" data-testid="pair-dismiss-form" aria-label={t('pairs.dismissTitle', names)}>
      <FormErrors errors={form.errors} labels={{ reason: t('duplicates.reason'), other_id: t('pairs.second') }} />
      <TextAreaField id={id} label={t('duplicates.reason')} hint={t('pairs.reasonHint')} required maxLength={500} value={reason} onValue={setReason} error={form.errors.fields.reason} />
      <div class="d-flex flex-wrap gap-2">
        <button type="submit" class="btn btn-primary btn-sm" disabled={form.busy} data-testid="pair-dismiss-submit">
          {t('pairs.confirmButton')}
        </button>
        <button type="button" class="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {dialog}
    </form>
  );
}

function Dismissals({ items, onUndone }: { items: PairDismissal[]; onUndone: (message: string) => void }) {
  const { t, lang } = useT();
  return (
    <section class="mt-5" aria-labelledby="dismissals-heading" data-testid="pair-dismissals">
      <h2 id="dismissals-heading" class="h3">
        {t('pairs.dismissedTitle')}
      </h2>
      <ul class="list-unstyled">
        {items.map((d) => (
          <li key={d.id} class="mb-3" data-dismissal-id={d.id}>
            {t('pairs.dismissedLine', { first: personName(d.first), second: personName(d.second), at: formatDateTime(d.dismissed_at, lang) })} <q>{d.reason}</q>
            <Undo dismissal={d} onUndone={onUndone} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Undo({ dismissal, onUndone }: { dismissal: PairDismissal; onUndone: (message: string) => void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { ask, dialog } = useConfirm();
  const names = { first: personName(dismissal.first), second: personName(dismissal.second) };
  const form = useFormSubmit({
    validate: (): FieldErrors => (reason.trim().length < 3 ? { reason: ['fieldErrors.required'] } : {}),
    confirm: () => ask({ title: t('pairs.undoTitle', names), confirmLabel: t('pairs.undoButton'), body: <p>{t('pairs.undoText')}</p> }),
    action: async () => {
      await peopleApi.undoDismissal(dismissal.id, reason.trim());
      onUndone(t('pairs.undone'));
    },
  });
  if (!open)
    return (
      <button type="button" class="btn btn-outline-primary btn-xs ms-2" data-testid="dismissal-undo-open" onClick={() => setOpen(true)}>
        {t('pairs.undo')}
        <span class="visually-hidden">
          {' '}
          <bdi>{names.first}</bdi> / <bdi>{names.second}</bdi>
        </span>
      </button>
    );
  return (
    <form onSubmit={form.submit} noValidate class="mt-2" data-testid="dismissal-undo-form">
      <FormErrors errors={form.errors} labels={{ reason: t('duplicates.reason') }} />
      <TextAreaField id={`undo-reason-${dismissal.id}`} label={t('duplicates.reason')} required maxLength={500} value={reason} onValue={setReason} error={form.errors.fields.reason} />
      <button type="submit" class="btn btn-primary btn-sm" disabled={form.busy} data-testid="dismissal-undo-submit">
        {t('pairs.undoButton')}
      </button>
      {dialog}
    </form>
  );
}
