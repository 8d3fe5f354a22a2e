// Photos taken during an inspection, kept on this device until the server holds them (decision
// 0029). A photo is put in IndexedDB with its bytes and an idempotency key the moment it is taken,
// then sent in two steps: the upload (POST /documents), whose document id is written back to the
// stored photo, and the attachment to the item with the key. A retry after a lost answer repeats
// only the step not yet acknowledged, and the server answers a replayed attachment key with the
// photo it attached the first time: a photo is never lost (it leaves the device only once
// attached, or when the user discards a refused one) nor attached twice.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, uploadFile } from '../../lib/api';
import { useOneAtATime } from '../../lib/oneAtATime';
import type { Document } from '../documents/index';
import { type Photo, monitoringApi } from './api';
import { type QueuedPhoto, photoStore } from './deviceStore';
import { transient } from './pending';

const RETRY_MS = 15_000;

export function usePendingPhotos(inspectionId: number, onAttached: (p: Photo) => void) {
  const [queued, setQueued] = useState<QueuedPhoto[]>([]);
  /** IndexedDB refused (private mode, storage full): the photo was not taken in, said so. */
  const [storageError, setStorageError] = useState<unknown>(null);
  const attached = useRef(onAttached);
  attached.current = onAttached;

  const refresh = async () => setQueued(await photoStore.list(inspectionId));

  const { run: flush, running: sending } = useOneAtATime(async () => {
    try {
      for (;;) {
        const next = (await photoStore.list(inspectionId)).find((p) => !p.refused);
        if (!next) break;
        try {
          let documentId = next.documentId;
          if (documentId === undefined) {
            const doc = await uploadFile<Document>('/documents', next.blob, { query: { filename: next.filename } });
            documentId = doc.id;
            await photoStore.put({ ...next, documentId });
          }
          const photo = await monitoringApi.attachPhoto(inspectionId, { item_id: next.itemId, document_id: documentId, idempotency_key: next.key });
          await photoStore.remove(next.key);
          attached.current(photo);
        } catch (err) {
          if (transient(err)) break;
          await photoStore.put({ ...next, refused: err instanceof ApiError ? err.code : String(err) });
        } finally {
          await refresh();
        }
      }
    } catch (err) {
      setStorageError(err);
    }
  });

  useEffect(() => {
    refresh().then(flush, setStorageError);
    const online = () => void flush();
    window.addEventListener('online', online);
    const timer = window.setInterval(() => {
      photoStore.list(inspectionId).then((list) => {
        if (list.some((p) => !p.refused)) void flush();
      }, setStorageError);
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', online);
      window.clearInterval(timer);
    };
  }, [inspectionId]);

  return {
    queued,
    sending,
    storageError,
    /** Keeps the photo on the device first, then tries to send it. */
    add: async (itemId: number, file: File) => {
      try {
        await photoStore.put({ key: crypto.randomUUID(), inspectionId, itemId, blob: file, filename: file.name || 'foto.jpg', takenAt: new Date().toISOString() });
        setStorageError(null);
        await refresh();
        void flush();
      } catch (err) {
        setStorageError(err);
      }
    },
    /** Drops a refused photo the user has read. */
    discard: async (key: string) => {
      await photoStore.remove(key);
      await refresh();
    },
    retry: () => void flush(),
  };
}
