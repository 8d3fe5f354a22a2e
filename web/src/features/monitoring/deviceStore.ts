// What the inspection page keeps in this browser's IndexedDB (decision 0029): the photos taken
// while the connection was away, with their bytes, until the server holds them; and the last copy
// of an inspection in progress, so that the page opens again after a reload without a network
// (the service worker serves the app, never the API's answers). Answers keep waiting in
// localStorage (pending.ts): they are small text; a photo is a Blob, which only IndexedDB keeps.
// Nothing here outlives its use: a photo leaves once the server holds it or the user discards
// it, a copy once the inspection is no longer in progress or the user signs out (a photo still
// waiting stays: it is work not yet sent, as the answers waiting in localStorage).

const DB_NAME = 'innet-inspections';
const PHOTOS = 'photos';
const COPIES = 'copies';

/** A photo waiting on this device: its bytes, and how far its sending went. */
export interface QueuedPhoto {
  /** The attachment's idempotency key: the same on every try, so the server attaches it once. */
  key: string;
  inspectionId: number;
  itemId: number;
  blob: Blob;
  filename: string;
  takenAt: string;
  /** Set once the upload answered: a retry attaches this document instead of uploading again. */
  documentId?: number;
  /** The server's refusal, shown and never retried. */
  refused?: string;
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(PHOTOS, { keyPath: 'key' }).createIndex('inspection', 'inspectionId');
      req.result.createObjectStore(COPIES);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('IndexedDB unavailable'));
    };
  });
  return opening;
}

/** One request in its own transaction, resolved when the transaction has committed. */
async function run<T>(store: string, mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const req = act(tx.objectStore(store));
    tx.oncomplete = () => resolve(req.result as T);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export const photoStore = {
  /** The inspection's waiting photos, in the order they were taken. */
  list: async (inspectionId: number) =>
    (await run<QueuedPhoto[]>(PHOTOS, 'readonly', (s) => s.index('inspection').getAll(inspectionId))).sort((a, b) => a.takenAt.localeCompare(b.takenAt)),
  put: (p: QueuedPhoto) => run<IDBValidKey>(PHOTOS, 'readwrite', (s) => s.put(p)),
  remove: (key: string) => run<undefined>(PHOTOS, 'readwrite', (s) => s.delete(key)),
};

export const copyStore = {
  /** Every copy: at sign-out, the server's data leave the device (the work still waiting stays). */
  clear: () => run<undefined>(COPIES, 'readwrite', (s) => s.clear()),
  get: <T>(inspectionId: number) => run<T | undefined>(COPIES, 'readonly', (s) => s.get(inspectionId)),
  put: <T>(inspectionId: number, copy: T) => run<IDBValidKey>(COPIES, 'readwrite', (s) => s.put(copy, inspectionId)),
  remove: (inspectionId: number) => run<undefined>(COPIES, 'readwrite', (s) => s.delete(inspectionId)),
};
