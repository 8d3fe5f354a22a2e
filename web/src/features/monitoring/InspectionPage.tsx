// /inspections/{id}: one inspection. While it is in progress the team answers the checklist here,
// item by item, on a tablet as on a desk: each answer is kept on this device first and sent when
// there is a connection (pending.ts), and the page says which answers the server holds and which
// are only here. Photos are taken per item and wait on the device the same way (photoQueue.ts).
// The register's figures of the day and the month's money are set beside the head count. An
// inspection in progress is kept on the device as last loaded, so that a reload without a
// network (the service worker serves the app) opens it again. Once completed the answers are
// final and the page is the report: read-only, failed items pointed out, the scores, printable.
import { useEffect, useState } from 'preact/hooks';
import { Consequences, Facts, useConfirm } from '../../components/ConfirmDialog';
import { usePageTitle } from '../../components/PageTitle';
import { LoadState, Notice } from '../../components/forms';
import { describeError } from '../../lib/errors';
import { formatDay, formatDateTime } from '../../lib/dates';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useData } from '../../lib/useData';
import { AREAS, type Answer, type AnswerBody, type Checklist, type ChecklistItem, type InspectionDetail, type Photo, STATUS_ACTIONS, monitoringApi } from './api';
import { type QueuedPhoto, copyStore } from './deviceStore';
import { Figures } from './Figures';
import { Score, StatusBadge } from './parts';
import { type PendingAnswer, transient, usePendingAnswers } from './pending';
import { usePendingPhotos } from './photoQueue';
import { ItemPhotos } from './Photos';
import { useTeamCandidates } from './team';

type Value = Pick<AnswerBody, 'yes' | 'number' | 'text'>;

/** The question in the user's language when the checklist has it, else in Italian (marked so). */
function Question({ item, id }: { item: ChecklistItem; id: string }) {
  const { lang } = useT();
  const own = item.question[lang];
  return (
    <span id={id} lang={own ? lang : 'it'} class="fw-semibold">
      {own ?? item.question.it}
    </span>
  );
}

/** A choice as written in the checklist (Italian codes): shown as words, in Italian. */
const choiceLabel = (c: string) => c.replace(/_/g, ' ');

function AnswerText({ item, value }: { item: ChecklistItem; value: Value }) {
  const { t, lang } = useT();
  if (item.answer_kind === 'yes_no' && value.yes != null) return <>{value.yes ? t('monitoring.yes') : t('monitoring.no')}</>;
  if (item.answer_kind === 'number' && value.number != null) return <>{formatNumber(value.number, lang)}</>;
  if (item.answer_kind === 'choice' && value.text) return <span lang="it">{choiceLabel(value.text)}</span>;
  if (value.text) return <bdi>{value.text}</bdi>;
  return <span class="text-muted">{t('monitoring.notAnswered')}</span>;
}

/** The control for one item while the inspection is in progress. */
function AnswerForm({
  item,
  current,
  onAnswer,
}: {
  item: ChecklistItem;
  current: (Value & { note?: string | null }) | undefined;
  onAnswer: (v: Value & { note: string | null }) => void;
}) {
  const { t } = useT();
  const [number, setNumber] = useState(current?.number != null ? String(current.number) : '');
  const [text, setText] = useState(current?.text ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const qid = `q-${item.id}`;
  const noteValue = () => note.trim() || null;
  const send = (v: Value) => onAnswer({ yes: null, number: null, text: null, ...v, note: noteValue() });
  const noteField = (
    <div class="mt-2">
      <label class="form-label small" for={`note-${item.id}`}>
        {t('monitoring.answerNote')}
      </label>
      <textarea id={`note-${item.id}`} class="form-control" rows={1} maxLength={4000} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
    </div>
  );
  // A photo item's answer is its photos (ItemPhotos, below the form).
  if (item.answer_kind === 'photo') return null;
  if (item.answer_kind === 'yes_no')
    return (
      <div>
        <div class="d-flex gap-2" role="group" aria-labelledby={qid}>
          {[true, false].map((yes) => (
            <button
              key={String(yes)}
              type="button"
              class={`btn btn-lg answer-button ${current?.yes === yes ? 'btn-primary' : 'btn-outline-primary'}`}
              aria-pressed={current?.yes === yes ? 'true' : 'false'}
              data-answer={yes ? 'yes' : 'no'}
              onClick={() => send({ yes })}
            >
              {yes ? t('monitoring.yes') : t('monitoring.no')}
            </button>
          ))}
        </div>
        {noteField}
        {current?.yes != null && noteValue() !== (current.note ?? null) ? (
          // A note written after the answer: saved with the answer given.
          <button type="button" class="btn btn-primary btn-sm mt-2" data-testid="answer-save" onClick={() => send({ yes: current.yes })}>
            {t('monitoring.saveAnswer')}
          </button>
        ) : null}
      </div>
    );
  const save = (e: Event) => {
    e.preventDefault();
    if (item.answer_kind === 'number') {
      const n = Number(number.replace(',', '.'));
      if (number.trim() === '' || !Number.isFinite(n)) return;
      send({ number: n });
    } else if (text.trim()) send({ text: item.answer_kind === 'choice' ? text : text.trim() });
  };
  return (
    <form onSubmit={save} aria-labelledby={qid}>
      {item.answer_kind === 'number' ? (
        <div>
          <label class="visually-hidden" for={`value-${item.id}`}>
            {t('monitoring.value')}
          </label>
          <input
            id={`value-${item.id}`}
            class="form-control answer-number"
            type="text"
            inputMode="decimal"
            value={number}
            onInput={(e) => setNumber((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
      ) : item.answer_kind === 'choice' ? (
        <fieldset>
          <legend class="visually-hidden">{t('monitoring.value')}</legend>
          <div class="d-flex flex-wrap gap-3">
            {item.choices.map((c) => (
              <div class="form-check" key={c}>
                <input id={`choice-${item.id}-${c}`} name={`choice-${item.id}`} type="radio" checked={text === c} onChange={() => setText(c)} />
                <label for={`choice-${item.id}-${c}`} lang="it">
                  {choiceLabel(c)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      ) : (
        <div>
          <label class="visually-hidden" for={`value-${item.id}`}>
            {t('monitoring.value')}
          </label>
          <textarea id={`value-${item.id}`} class="form-control" rows={2} maxLength={4000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        </div>
      )}
      {noteField}
      <button type="submit" class="btn btn-primary btn-sm mt-2" data-testid="answer-save">
        {t('monitoring.saveAnswer')}
      </button>
    </form>
  );
}

/** Where an item's answer is: on the server, or only on this device (waiting, or refused). */
function SavedState({ stored, pending }: { stored?: Answer; pending?: PendingAnswer }) {
  const { t, lang } = useT();
  if (pending?.refused)
    return (
      <span class="badge bg-danger" data-saved="refused">
        {t('monitoring.refused', { reason: pending.refused })}
      </span>
    );
  if (pending)
    return (
      <span class="badge bg-warning text-dark" data-saved="device">
        {t('monitoring.onDevice')}
      </span>
    );
  if (stored)
    return (
      <span class="small text-success" data-saved="server">
        {t('monitoring.onServer', { at: formatDateTime(stored.answered_at, lang) })}
      </span>
    );
  return null;
}

/** What an item's row does with photos: add one (kept on the device first), detach, discard a refused one. */
interface PhotoActions {
  add: (item: ChecklistItem, file: File) => void;
  detach: (photo: Photo) => Promise<void>;
  discard: (key: string) => void;
}

function ItemRow({
  item,
  stored,
  pending,
  failed,
  editable,
  onAnswer,
  photos,
  queued,
  photoActions,
}: {
  item: ChecklistItem;
  stored?: Answer;
  pending?: PendingAnswer;
  failed: boolean;
  editable: boolean;
  onAnswer: (item: ChecklistItem, v: Value & { note: string | null }) => void;
  photos: Photo[];
  queued: QueuedPhoto[];
  photoActions: PhotoActions;
}) {
  const { t } = useT();
  // What this device last wrote wins over the server's copy until the server has it.
  const current = pending?.body ?? stored;
  return (
    <li class={`list-group-item py-3${failed && !editable ? ' inspection-failed' : ''}`} data-item={item.code} data-failed={failed ? 'true' : undefined}>
      <div class="d-flex flex-wrap justify-content-between gap-2">
        <Question item={item} id={`q-${item.id}`} />
        <SavedState stored={stored} pending={pending} />
      </div>
      {item.reference ? <div class="small text-muted" lang="it">{item.reference}</div> : null}
      <div class="mt-2">
        {editable ? (
          <AnswerForm item={item} current={current} onAnswer={(v) => onAnswer(item, v)} />
        ) : (
          <>
            <div data-testid="answer-value">
              {item.answer_kind === 'photo' ? t('monitoring.photos.count', { count: photos.length }) : <AnswerText item={item} value={current ?? {}} />}
              {failed ? <span class="badge bg-danger ms-2">{t('monitoring.failed')}</span> : null}
            </div>
            {current?.note ? (
              <div class="small">
                {t('monitoring.answerNote')}: <bdi>{current.note}</bdi>
              </div>
            ) : null}
          </>
        )}
        <ItemPhotos
          item={item}
          photos={photos}
          queued={queued}
          editable={editable}
          onAdd={(file) => photoActions.add(item, file)}
          onDetach={photoActions.detach}
          onDiscard={photoActions.discard}
        />
      </div>
    </li>
  );
}

function Scores({ detail }: { detail: InspectionDetail }) {
  const { t } = useT();
  return (
    <section class="mb-4" aria-labelledby="scores-heading" data-testid="inspection-scores">
      <h2 id="scores-heading" class="h4">
        {t('monitoring.scores')}
      </h2>
      <p class="small">{t('monitoring.scoresHint')}</p>
      <dl class="row">
        {detail.scores.areas.map((a) => (
          <div class="col-12 col-md-6 d-flex justify-content-between border-bottom py-1" key={a.area} data-area={a.area}>
            <dt class="fw-normal">{t(`monitoring.areas.${a.area}`)}</dt>
            <dd class="mb-0">
              <Score value={a.score} />
              {a.failed ? <span class="ms-2 text-danger">{t('monitoring.failedCount', { count: a.failed })}</span> : null}
            </dd>
          </div>
        ))}
        <div class="col-12 d-flex justify-content-between py-2 fw-bold" data-testid="overall-score">
          <dt>{t('monitoring.overall')}</dt>
          <dd class="mb-0">
            <Score value={detail.scores.overall} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The start, completion and report buttons, each asking first and saying what happens. */
function StatusActions({ detail, centreName, waiting, onChanged }: { detail: InspectionDetail; centreName: string; waiting: number; onChanged: () => void }) {
  const { t } = useT();
  const { ask, dialog } = useConfirm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const act = async (kind: (typeof STATUS_ACTIONS)[number]) => {
    setError(null);
    const ok = await ask({
      title: t(`monitoring.actions.${kind}.title`, { centre: centreName }),
      confirmLabel: t(`monitoring.actions.${kind}.confirm`),
      body: <Consequences items={[t(`monitoring.actions.${kind}.text`)]} />,
    });
    if (!ok) return;
    setBusy(true);
    try {
      if (kind === 'start') await monitoringApi.start(detail.id);
      else if (kind === 'complete') await monitoringApi.complete(detail.id);
      else await monitoringApi.issueReport(detail.id);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const kind = detail.status === 'planned' ? 'start' : detail.status === 'in_progress' ? 'complete' : detail.status === 'completed' ? 'issue' : null;
  if (!kind) return null;
  // Completing with answers still on this device would leave them out for good.
  const blocked = kind === 'complete' && waiting > 0;
  return (
    <div class="mb-4">
      <button type="button" class="btn btn-primary" disabled={busy || blocked} data-testid={`inspection-${kind}`} onClick={() => void act(kind)}>
        {t(`monitoring.actions.${kind}.button`)}
      </button>
      {blocked ? <p class="small mt-2">{t('monitoring.completeWaits')}</p> : null}
      {error ? (
        <div class="alert alert-danger mt-2" role="alert">
          {describeError(error, t)}
        </div>
      ) : null}
      {dialog}
    </div>
  );
}

function Page({ detail, checklist, centreName, reload }: { detail: InspectionDetail; checklist: Checklist; centreName: string; reload: () => void }) {
  const { t, lang } = useT();
  const { can, user } = useSession();
  const candidates = useTeamCandidates();
  const [stored, setStored] = useState<Map<number, Answer>>(() => new Map(detail.answers.map((a) => [a.item_id, a])));
  const [sent, setSent] = useState(0);
  const queue = usePendingAnswers(detail.id, (a) => {
    setStored((m) => new Map(m).set(a.item_id, a));
    setSent((n) => n + 1);
  });
  const [photos, setPhotos] = useState<Photo[]>(detail.photos);
  const photoQueue = usePendingPhotos(detail.id, (p) => {
    setPhotos((list) => [...list.filter((x) => x.id !== p.id), p]);
    setSent((n) => n + 1);
  });
  // The server's copy after a reload (scores, a status change); then the scores again once what
  // was waiting has all been sent, not after each answer.
  useEffect(() => {
    setStored(new Map(detail.answers.map((a) => [a.item_id, a])));
    setPhotos(detail.photos);
  }, [detail]);
  const editable = detail.status === 'in_progress' && can('inspections.manage');
  const report = detail.status === 'completed' || detail.status === 'report_issued';
  const failed = new Set(detail.failed_items);
  const lastPending = new Map<number, PendingAnswer>();
  for (const p of queue.pending) lastPending.set(p.body.item_id, p);
  const waitingPhotos = photoQueue.queued.filter((p) => !p.refused).length;
  const waiting = queue.pending.filter((p) => !p.refused).length + waitingPhotos;
  useEffect(() => {
    if (sent && !waiting && !queue.sending && !photoQueue.sending) reload();
  }, [sent, waiting, queue.sending, photoQueue.sending]);
  const photoActions: PhotoActions = {
    add: (item, file) => void photoQueue.add(item.id, file),
    detach: async (photo) => {
      await monitoringApi.detachPhoto(detail.id, photo.id);
      setPhotos((list) => list.filter((p) => p.id !== photo.id));
    },
    discard: (key) => void photoQueue.discard(key),
  };
  const refused = queue.pending.filter((p) => p.refused);
  const names = new Map((candidates ?? []).map((c) => [c.id, c.name]));
  names.set(user.id, user.display_name);
  const known = detail.team.filter((id) => names.has(id)).map((id) => names.get(id) as string);
  const others = detail.team.length - known.length;
  const answer = (item: ChecklistItem, v: Value & { note: string | null }) => queue.add({ item_id: item.id, ...v });
  usePageTitle(t('monitoring.pageTitle', { centre: centreName }));
  return (
    <div data-testid="inspection" data-status={detail.status}>
      <Link href={`/inspections?centre_id=${detail.centre_id}`} class="back-link">
        {t('monitoring.backToList')}
      </Link>
      <h1 id="main-heading" tabIndex={-1} class="mt-2">
        {report ? t('monitoring.reportTitle', { centre: centreName }) : t('monitoring.pageTitle', { centre: centreName })}
      </h1>
      <Facts
        testId="inspection-facts"
        items={[
          [t('monitoring.centre'), <bdi>{centreName}</bdi>],
          [t('monitoring.date'), formatDay(detail.planned_date, lang)],
          [t('common.status'), <StatusBadge status={detail.status} />],
          [t('monitoring.announced'), detail.announced ? t('monitoring.announcedYes') : t('monitoring.announcedNo')],
          [
            t('monitoring.team'),
            <>
              <bdi>{known.join(', ')}</bdi>
              {others ? ` ${t('monitoring.teamOthers', { count: others })}` : ''}
            </>,
          ],
          ...(detail.note ? [[t('monitoring.note'), <bdi>{detail.note}</bdi>] as [string, preact.JSX.Element]] : []),
        ]}
      />
      {report ? (
        <button type="button" class="btn btn-outline-primary mb-3" data-testid="inspection-print" onClick={() => window.print()}>
          {t('monitoring.print')}
        </button>
      ) : null}
      {report && can('findings.read') ? (
        <p>
          <Link href={`/findings?inspection_id=${detail.id}`} data-testid="inspection-findings">
            {t('findings.ofThisInspection')}
          </Link>
        </p>
      ) : null}
      {can('inspections.manage') ? <StatusActions detail={detail} centreName={centreName} waiting={waiting} onChanged={reload} /> : null}
      {editable || queue.pending.length || photoQueue.queued.length ? (
        <div class="sync-status mb-4" aria-live="polite" data-testid="sync-status" data-waiting={waiting} data-waiting-photos={waitingPhotos}>
          {waiting ? (
            <Notice kind="warning">
              {waiting - waitingPhotos ? t('monitoring.waiting', { count: waiting - waitingPhotos }) : null}
              {waiting - waitingPhotos && waitingPhotos ? ' ' : null}
              {waitingPhotos ? t('monitoring.photos.waiting', { count: waitingPhotos }) : null}{' '}
              <button
                type="button"
                class="btn btn-link p-0 align-baseline"
                disabled={queue.sending || photoQueue.sending}
                onClick={() => {
                  queue.retry();
                  photoQueue.retry();
                }}
                data-testid="sync-retry"
              >
                {t('monitoring.sendNow')}
              </button>
            </Notice>
          ) : (
            <Notice kind="success">{t('monitoring.allSaved')}</Notice>
          )}
          {refused.map((p) => (
            <div class="alert alert-danger" role="alert" key={p.body.idempotency_key}>
              {t('monitoring.refusedAnswer', { reason: p.refused })}{' '}
              <button type="button" class="btn btn-link p-0 align-baseline" onClick={() => queue.discard(p.body.idempotency_key)}>
                {t('monitoring.discard')}
              </button>
            </div>
          ))}
          {photoQueue.storageError ? (
            <div class="alert alert-danger" role="alert" data-testid="photo-storage-error">
              {t('monitoring.photos.storageError')}
            </div>
          ) : null}
        </div>
      ) : null}
      {detail.status === 'planned' ? <p>{t('monitoring.plannedHint')}</p> : null}
      {detail.status !== 'planned' ? <Scores detail={detail} /> : null}
      <Figures detail={detail} />
      {detail.status !== 'planned'
        ? AREAS.map((area) => {
            const items = checklist.items.filter((i) => i.area === area);
            if (!items.length) return null;
            return (
              <section class="mb-4" key={area} aria-labelledby={`area-${area}`} data-area={area}>
                <h2 id={`area-${area}`} class="h4">
                  {t(`monitoring.areas.${area}`)}
                </h2>
                <ul class="list-group list-unstyled ps-0">
                  {items.map((item) => (
                    <ItemRow
                      key={item.id}
                      item={item}
                      stored={stored.get(item.id)}
                      pending={lastPending.get(item.id)}
                      failed={failed.has(item.id)}
                      editable={editable}
                      onAnswer={answer}
                      photos={photos.filter((p) => p.item_id === item.id)}
                      queued={photoQueue.queued.filter((q) => q.itemId === item.id)}
                      photoActions={photoActions}
                    />
                  ))}
                </ul>
              </section>
            );
          })
        : null}
    </div>
  );
}

interface Loaded {
  detail: InspectionDetail;
  checklist: Checklist;
  centreName: string;
  /** Read from this device's copy: the server could not be reached. */
  fromDevice?: boolean;
}

// The order loads were started in, and the latest whose answer was kept on the device.
let loadsStarted = 0;
let copyWritten = 0;

/**
 * The inspection from the server, kept on the device while it is in progress (and dropped after);
 * without a connection, the copy kept, if any. A copy that cannot be written (private browsing) is
 * only a lost convenience: the page works on without it.
 */
async function load(id: number): Promise<Loaded> {
  const ticket = ++loadsStarted;
  try {
    const detail = await monitoringApi.get(id);
    const [checklist, centre] = await Promise.all([monitoringApi.checklist(detail.checklist_id), monitoringApi.centre(detail.centre_id)]);
    const loaded: Loaded = { detail, checklist, centreName: centre.name };
    // Two loads may cross (a save's reload, the connection back): a slower, older one must not
    // replace the copy a newer one kept, or a reload without a connection shows the older state.
    if (ticket > copyWritten) {
      copyWritten = ticket;
      await (detail.status === 'in_progress' ? copyStore.put(id, loaded) : copyStore.remove(id)).catch(() => undefined);
    }
    return loaded;
  } catch (err) {
    if (!transient(err)) throw err;
    const copy = await copyStore.get<Loaded>(id).catch(() => undefined);
    if (!copy) throw err;
    return { ...copy, fromDevice: true };
  }
}

export function InspectionPage({ id }: { id: number }) {
  const { t } = useT();
  const { data, error, reload } = useData(() => load(id), [id], { keepPrevious: true });
  // The connection is back: the server's copy again (the scores, what others answered).
  useEffect(() => {
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [reload]);
  usePageTitle(t('monitoring.title'));
  // Once loaded, the page stays whatever a later reload meets: without a connection the team keeps
  // answering on what it has (a failed refresh of the scores is said, not put in the page's place).
  if (data)
    return (
      <>
        {error || data.fromDevice ? (
          <div class="alert alert-warning" role="status" data-testid="inspection-stale">
            {data.fromDevice ? t('monitoring.fromDevice') : `${t('monitoring.stale')} ${describeError(error, t)}`}
          </div>
        ) : null}
        <Page detail={data.detail} checklist={data.checklist} centreName={data.centreName} reload={reload} />
      </>
    );
  return (
    <LoadState error={error} ready={false}>
      {() => null}
    </LoadState>
  );
}
