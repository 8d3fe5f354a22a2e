// The duplicate review page of one person (decision 0026): the records that may be the same
// person, one of them side by side with this one (the one named by ?with=, from the queue of pairs), the merge (a preview first: the confirmation
// says what will move), and the merges of this person, each of which can be undone.
import { useEffect, useState } from 'preact/hooks';
import { NotFound } from '../../app/Status';
import { Consequences, useConfirm } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { usePageTitle } from '../../components/PageTitle';
import { FormErrors, LoadState, Notice, TextAreaField } from '../../components/forms';
import type { FieldErrors } from '../../components/useFormErrors';
import { useFormSubmit } from '../../components/useFormSubmit';
import { ApiError } from '../../lib/api';
import { nationality } from '../../lib/countries';
import { formatDay, formatDateTime } from '../../lib/dates';
import { type TFunction, useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { Link, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { DuplicateList } from './DuplicateList';
import { type DuplicateCandidate, peopleApi, type Person, type PersonMerge, personName } from './api';

export function Duplicates({ id }: { id: number }) {
  const { t } = useT();
  const { can } = useSession();
  const [version, setVersion] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const { data, error } = useData(async () => {
    const person = await peopleApi.getPerson(id);
    const found = person.merged_into ? { items: [] } : await peopleApi.duplicates({ person_id: String(id) });
    const merges = can('persons.merge') ? (await peopleApi.merges({ person_id: String(id), per_page: '50' })).items : [];
    return { person, candidates: found.items, merges };
  }, [id, version]);
  const [chosen, setChosen] = useState<DuplicateCandidate | null>(null);
  // From the queue of pairs (?with=): the other record of the pair, side by side at once.
  const pairedWith = Number(useLocation().query.get('with') ?? 0);
  useEffect(() => {
    const other = data?.candidates.find((c) => c.person.id === pairedWith);
    if (other) setChosen(other);
  }, [data, pairedWith]);
  usePageTitle(data ? t('duplicates.title', { name: personName(data.person) }) : t('duplicates.titlePlain'));
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  const refresh = (message: string) => {
    setChosen(null);
    setDone(message);
    setVersion((v) => v + 1);
  };
  return (
    <div>
      <Link href={`/persons/${id}`} class="back-link d-inline-flex align-items-center mb-3">
        <Icon name="chevron-left" class="icon-primary icon-sm" directional />
        {t('person.backToPerson')}
      </Link>
      <LoadState error={error} ready={!!data}>
        {() =>
          data && (
            <div data-testid="duplicates-page">
              <h1 id="main-heading" tabIndex={-1}>
                {t('duplicates.title', { name: personName(data.person) })}
              </h1>
              {done ? <Notice kind="success">{done}</Notice> : null}
              {data.person.merged_into ? (
                <Notice kind="info">
                  {t('duplicates.mergedInto')} <Link href={`/persons/${data.person.merged_into}`}>{t('duplicates.openKept')}</Link>
                </Notice>
              ) : data.candidates.length ? (
                <>
                  <p>{t('duplicates.intro')}</p>
                  <DuplicateList
                    items={data.candidates}
                    label={t('duplicates.candidates')}
                    action={(c) => (
                      <button type="button" class="btn btn-outline-primary btn-xs" data-compare={c.person.id} aria-pressed={chosen?.person.id === c.person.id} onClick={() => setChosen(c)}>
                        {t('duplicates.compare')}
                        <span class="visually-hidden"> {personName(c.person)}</span>
                      </button>
                    )}
                  />
                </>
              ) : (
                <p data-testid="no-duplicates">{t('duplicates.none')}</p>
              )}
              {chosen ? <Compare key={chosen.person.id} person={data.person} candidate={chosen} canMerge={can('persons.merge')} onMerged={refresh} /> : null}
              {data.merges.length ? <Merges merges={data.merges} onUndone={refresh} /> : null}
            </div>
          )
        }
      </LoadState>
    </div>
  );
}

/** The identity fields, one row each, for two records side by side. */
function rows(t: TFunction, lang: string): [string, (p: Person) => string][] {
  return [
    [t('persons.familyName'), (p) => p.family_name],
    [t('persons.givenNames'), (p) => p.given_names],
    [t('person.originalNames'), (p) => [p.family_name_original, p.given_names_original].filter(Boolean).join(' ')],
    [t('persons.sex'), (p) => t(`sexes.${p.sex}`, { defaultValue: p.sex })],
    [t('persons.birthDate'), (p) => (p.birth_date ? formatDay(p.birth_date, lang) + (p.birth_date_estimated ? ` (${t('persons.estimated')})` : '') : '')],
    [t('persons.nationality'), (p) => nationality(p.nationality, lang, t)],
    [t('persons.cui'), (p) => p.cui ?? ''],
    [t('persons.codiceFiscale'), (p) => p.codice_fiscale ?? ''],
    [t('duplicates.recordedOn'), (p) => formatDay(p.created_at.slice(0, 10), lang)],
  ];
}

function Compare({ person, candidate, canMerge, onMerged }: { person: Person; candidate: DuplicateCandidate; canMerge: boolean; onMerged: (message: string) => void }) {
  const { t, lang } = useT();
  const other = candidate.person;
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  const [reason, setReason] = useState('');
  const { ask, dialog } = useConfirm();
  const kept = keep === 'this' ? person : other;
  const merged = keep === 'this' ? other : person;
  const body = () => ({ kept_id: kept.id, merged_id: merged.id, reason: reason.trim() });
  const form = useFormSubmit({
    validate: (): FieldErrors => (reason.trim().length < 3 ? { reason: ['fieldErrors.required'] } : {}),
    // What the merge would do, from the server's own preview, is what the dialog says.
    confirm: async () => {
      let preview: PersonMerge;
      try {
        preview = await peopleApi.previewMerge(body());
      } catch (err) {
        form.errors.failFromApi(err);
        return false;
      }
      return ask({
        title: t('duplicates.confirm.title', { merged: personName(merged), kept: personName(kept) }),
        confirmLabel: t('duplicates.confirm.button', { merged: personName(merged), kept: personName(kept) }),
        body: <Consequences items={consequences(t, lang, preview, personName(kept), personName(merged))} />,
      });
    },
    action: async () => {
      await peopleApi.merge(body());
      onMerged(t('duplicates.merged', { merged: personName(merged), kept: personName(kept) }));
    },
  });
  const labels = { reason: t('duplicates.reason'), merged_id: t('duplicates.mergeTitle'), kept_id: t('duplicates.mergeTitle') };
  return (
    <section class="mt-5" aria-labelledby="compare-heading" data-testid="duplicate-compare">
      <h2 id="compare-heading" class="h3">
        {t('duplicates.compareTitle')}
      </h2>
      <div class="table-responsive" tabIndex={0} role="region" aria-labelledby="compare-heading">
        <table class="table">
          <caption class="visually-hidden">{t('duplicates.compareTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">{t('duplicates.field')}</span>
              </th>
              <th scope="col">
                <bdi>{personName(person)}</bdi> ({t('duplicates.thisRecord')})
              </th>
              <th scope="col">
                <bdi>{personName(other)}</bdi>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows(t, lang).map(([label, value]) => {
              const a = value(person);
              const b = value(other);
              return (
                <tr key={label} class={a !== b ? 'table-warning' : undefined}>
                  <th scope="row">{label}</th>
                  <td>
                    <bdi dir="auto">{a || t('common.none')}</bdi>
                  </td>
                  <td>
                    <bdi dir="auto">{b || t('common.none')}</bdi>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canMerge ? (
        <form onSubmit={form.submit} noValidate aria-labelledby="merge-heading" class="mt-4" data-testid="merge-form">
          <h3 id="merge-heading" class="h4">
            {t('duplicates.mergeTitle')}
          </h3>
          <FormErrors errors={form.errors} labels={labels} />
          <fieldset class="mb-3">
            <legend class="h6">{t('duplicates.keep')}</legend>
            {(['this', 'other'] as const).map((k) => (
              <div class="form-check" key={k}>
                <input id={`keep-${k}`} name="keep" type="radio" checked={keep === k} onChange={() => setKeep(k)} />
                <label for={`keep-${k}`}>
                  <bdi>{personName(k === 'this' ? person : other)}</bdi> ({t('duplicates.recordedOn')} {formatDay((k === 'this' ? person : other).created_at.slice(0, 10), lang)})
                </label>
              </div>
            ))}
          </fieldset>
          <TextAreaField id="reason" label={labels.reason} hint={t('duplicates.reasonHint')} required maxLength={500} value={reason} onValue={setReason} error={form.errors.fields.reason} />
          <button type="submit" class="btn btn-primary" disabled={form.busy} data-testid="merge-submit">
            {t('duplicates.mergeButton')}
          </button>
          {dialog}
        </form>
      ) : (
        <p class="mt-3">{t('duplicates.askPrefettura')}</p>
      )}
    </section>
  );
}

function consequences(t: TFunction, lang: string, m: PersonMerge, kept: string, merged: string): string[] {
  const out = [t('duplicates.confirm.hidden', { merged, kept })];
  if (m.filled_fields.length) out.push(t('duplicates.confirm.filled', { kept, fields: m.filled_fields.map((f) => t(`duplicates.fields.${f}`)).join(', ') }));
  // Both records have a case: the merged record's is closed and joined into the kept one's.
  if (m.moved.some((move) => move.kind === 'closed_cases')) out.push(t('duplicates.confirm.joined', { merged, kept }));
  // Flags of one category that the join makes two: all but one are withdrawn.
  const told = ['closed_cases', 'vulnerability_flag_join_withdrawals'];
  for (const move of m.moved.filter((x) => !told.includes(x.kind)))
    out.push(t('duplicates.confirm.moves', { what: t(`duplicates.kinds.${move.kind}`), n: formatNumber(move.ids.length, lang), kept }));
  for (const move of m.moved.filter((x) => x.kind === 'vulnerability_flag_join_withdrawals'))
    out.push(t('duplicates.confirm.withdrawnDuplicates', { n: formatNumber(move.ids.length, lang), kept }));
  if (!m.moved.length) out.push(t('duplicates.confirm.nothingMoves', { merged }));
  out.push(t('duplicates.confirm.undo'));
  return out;
}

function Merges({ merges, onUndone }: { merges: PersonMerge[]; onUndone: (message: string) => void }) {
  const { t, lang } = useT();
  return (
    <section class="mt-5" aria-labelledby="merges-heading" data-testid="person-merges">
      <h2 id="merges-heading" class="h3">
        {t('duplicates.mergesTitle')}
      </h2>
      <ul class="list-unstyled">
        {merges.map((m) => (
          <li key={m.id} class="mb-3" data-merge-id={m.id}>
            {t('duplicates.mergeLine', { merged: m.merged_id, kept: m.kept_id, at: formatDateTime(m.merged_at, lang) })} <q>{m.reason}</q>
            {m.unmerged_at ? <span class="ms-2 badge bg-secondary">{t('duplicates.undoneAt', { at: formatDateTime(m.unmerged_at, lang) })}</span> : <Unmerge merge={m} onUndone={onUndone} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Unmerge({ merge, onUndone }: { merge: PersonMerge; onUndone: (message: string) => void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { ask, dialog } = useConfirm();
  const form = useFormSubmit({
    validate: (): FieldErrors => (reason.trim().length < 3 ? { reason: ['fieldErrors.required'] } : {}),
    confirm: () =>
      ask({
        title: t('duplicates.unmerge.title', { id: merge.merged_id }),
        confirmLabel: t('duplicates.unmerge.button'),
        body: <Consequences items={[t('duplicates.unmerge.back', { id: merge.merged_id }), t('duplicates.unmerge.kept', { id: merge.kept_id })]} />,
      }),
    action: async () => {
      await peopleApi.unmerge(merge.id, reason.trim());
      onUndone(t('duplicates.unmerge.done'));
    },
  });
  if (!open)
    return (
      <button type="button" class="btn btn-outline-primary btn-xs ms-2" data-testid="unmerge-open" onClick={() => setOpen(true)}>
        {t('duplicates.unmerge.open')}
      </button>
    );
  return (
    <form onSubmit={form.submit} noValidate class="mt-2" data-testid="unmerge-form">
      <FormErrors errors={form.errors} labels={{ reason: t('duplicates.reason') }} />
      <TextAreaField id={`unmerge-reason-${merge.id}`} label={t('duplicates.reason')} required maxLength={500} value={reason} onValue={setReason} error={form.errors.fields.reason} />
      <button type="submit" class="btn btn-primary" disabled={form.busy} data-testid="unmerge-submit">
        {t('duplicates.unmerge.button')}
      </button>
      {dialog}
    </form>
  );
}
