// Answers written on this device and not yet stored by the server (issue 10, part 5). An inspector
// on a tablet in a building with a poor or absent connection keeps answering: each edit is kept in
// localStorage under the inspection, with its own idempotency key, and sent in the order written
// when the connection returns (the online event, and a retry every RETRY_MS). The server answers
// a replayed key with the answer it stored the first time, so a write whose answer was lost on the
// way is sent again without being stored twice; nothing leaves the list before the server has it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api';
import { useOneAtATime } from '../../lib/oneAtATime';
import { type Answer, type AnswerBody, monitoringApi } from './api';

export interface PendingAnswer {
  body: AnswerBody;
  /** Set when the server refused it (e.g. the inspection was completed meanwhile): kept, shown, never retried. */
  refused?: string;
}

const RETRY_MS = 15_000;
const storageKey = (inspectionId: number) => ['innet', 'inspection', inspectionId, 'pending'].join('.');

function load(inspectionId: number): PendingAnswer[] {
  try {
    const raw = localStorage.getItem(storageKey(inspectionId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as PendingAnswer[]) : [];
  } catch {
    return [];
  }
}

function save(inspectionId: number, pending: PendingAnswer[]) {
  if (pending.length) localStorage.setItem(storageKey(inspectionId), JSON.stringify(pending));
  else localStorage.removeItem(storageKey(inspectionId));
}

/** A failure worth retrying: no connection, the server busy or down. Anything else is a refusal. */
export const transient = (err: unknown) => !(err instanceof ApiError) || err.status === 0 || err.status === 429 || err.status >= 500 || err.status === 401;

/**
 * The answers waiting for the server. `add` keeps one and tries to send; `onStored` is told of each
 * answer the server holds, so the page shows it as saved.
 */
export function usePendingAnswers(inspectionId: number, onStored: (a: Answer) => void) {
  const [pending, setPending] = useState<PendingAnswer[]>(() => load(inspectionId));
  const stored = useRef(onStored);
  stored.current = onStored;

  // Reads and writes go through localStorage, the one copy: another tab of the same inspection
  // sees the same list, and a reload finds it.
  const update = (change: (list: PendingAnswer[]) => PendingAnswer[]) => {
    const next = change(load(inspectionId));
    save(inspectionId, next);
    setPending(next);
  };

  const { run: flush, running: sending } = useOneAtATime(async () => {
    for (;;) {
      const next = load(inspectionId).find((p) => !p.refused);
      if (!next) break;
      try {
        const answer = await monitoringApi.answer(inspectionId, next.body);
        update((list) => list.filter((p) => p.body.idempotency_key !== next.body.idempotency_key));
        stored.current(answer);
      } catch (err) {
        if (transient(err)) break;
        const reason = err instanceof ApiError ? err.message : String(err);
        update((list) => list.map((p) => (p.body.idempotency_key === next.body.idempotency_key ? { ...p, refused: reason } : p)));
      }
    }
  });

  useEffect(() => {
    void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    const timer = window.setInterval(() => {
      if (load(inspectionId).some((p) => !p.refused)) void flush();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', online);
      window.clearInterval(timer);
    };
  }, [inspectionId]);

  return {
    pending,
    sending,
    add: (body: Omit<AnswerBody, 'idempotency_key'>) => {
      update((list) => [...list, { body: { ...body, idempotency_key: crypto.randomUUID() } }]);
      void flush();
    },
    /** Drops a refused answer the user has read. */
    discard: (key: string) => update((list) => list.filter((p) => p.body.idempotency_key !== key)),
    retry: () => void flush(),
  };
}
