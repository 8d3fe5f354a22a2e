// The photos of one item of an inspection: the thumbnails of those the server holds and of those
// still on this device, and, while the inspection is in progress, the buttons to take a photo with
// the tablet's camera or choose one, and to take a photo off (asked first). Thumbnails are drawn
// here, small, as data: URLs (the app's CSP allows images from data:, not blob:); a type the
// browser cannot draw (HEIC outside Safari) shows its name instead.
import { useEffect, useState } from 'preact/hooks';
import { Consequences, Facts, useConfirm } from '../../components/ConfirmDialog';
import { describeError } from '../../lib/errors';
import { useT } from '../../lib/i18n';
import { formatNumber } from '../../lib/numbers';
import { documentsApi } from '../documents/index';
import { type ChecklistItem, PHOTO_REFUSALS, type Photo } from './api';
import type { QueuedPhoto } from './deviceStore';

const THUMB_PX = 240;
/** Thumbnails already drawn, by document id: a re-render or a reload of the scores draws none again. */
const drawn = new Map<number, string>();

async function thumbnail(blob: Blob): Promise<string> {
  const bitmap = await createImageBitmap(blob);
  const scale = Math.min(1, THUMB_PX / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL('image/jpeg', 0.8);
}

async function serverThumbnail(documentId: number): Promise<string> {
  const known = drawn.get(documentId);
  if (known) return known;
  const res = await fetch(documentsApi.contentUrl(documentId), { credentials: 'same-origin' });
  if (!res.ok) throw new Error(String(res.status));
  const url = await thumbnail(await res.blob());
  drawn.set(documentId, url);
  return url;
}

function Thumb({ source, filename }: { source: Blob | number; filename: string }) {
  const { t } = useT();
  const [url, setUrl] = useState<string | null>(typeof source === 'number' ? drawn.get(source) ?? null : null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    (typeof source === 'number' ? serverThumbnail(source) : thumbnail(source)).then(
      (u) => live && setUrl(u),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [source]);
  if (url) return <img src={url} alt={t('monitoring.photos.alt', { filename })} />;
  return (
    <span class="photo-placeholder d-flex align-items-center justify-content-center text-muted" aria-hidden="true">
      {failed ? t('monitoring.photos.noPreview') : '…'}
    </span>
  );
}

const sizeKb = (bytes: number, lang: string) => formatNumber(Math.max(1, Math.round(bytes / 1024)), lang);

export function ItemPhotos({
  item,
  photos,
  queued,
  editable,
  onAdd,
  onDetach,
  onDiscard,
}: {
  item: ChecklistItem;
  photos: Photo[];
  queued: QueuedPhoto[];
  editable: boolean;
  onAdd: (file: File) => void;
  onDetach: (photo: Photo) => Promise<void>;
  onDiscard: (key: string) => void;
}) {
  const { t, lang } = useT();
  const { ask, dialog } = useConfirm();
  const [error, setError] = useState<unknown>(null);
  if (!editable && !photos.length && !queued.length) return null;

  const picked = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    for (const file of Array.from(input.files ?? [])) onAdd(file);
    input.value = '';
  };
  const detach = async (photo: Photo) => {
    setError(null);
    const ok = await ask({
      title: t('monitoring.photos.detachTitle'),
      confirmLabel: t('monitoring.photos.detach'),
      body: (
        <>
          <Facts items={[[t('monitoring.photos.file'), <bdi>{photo.document.filename}</bdi>]]} />
          <Consequences items={[t('monitoring.photos.detachText')]} />
        </>
      ),
    });
    if (!ok) return;
    try {
      await onDetach(photo);
    } catch (err) {
      setError(err);
    }
  };
  const refusal = (code: string) =>
    (PHOTO_REFUSALS as readonly string[]).includes(code) ? t(`monitoring.photos.refusedCodes.${code}`) : t('monitoring.photos.refusedOther', { code });

  return (
    <div class="mt-2" data-testid="item-photos">
      {photos.length || queued.length ? (
        <ul class="inspection-photos" aria-label={t('monitoring.photos.listLabel')}>
          {photos.map((p) => (
            <li class="inspection-photo" key={`s${p.id}`} data-photo="server">
              <Thumb source={p.document.id} filename={p.document.filename} />
              <bdi>{p.document.filename}</bdi> <span class="text-muted text-nowrap">{t('monitoring.photos.size', { size: sizeKb(p.document.size, lang) })}</span>
              {editable ? (
                <button type="button" class="btn btn-link btn-sm p-0 d-block" onClick={() => void detach(p)} data-testid="photo-detach">
                  {t('monitoring.photos.detach')}
                </button>
              ) : null}
            </li>
          ))}
          {queued.map((q) => (
            <li class="inspection-photo" key={q.key} data-photo={q.refused ? 'refused' : 'device'}>
              <Thumb source={q.blob} filename={q.filename} />
              <bdi>{q.filename}</bdi>{' '}
              {q.refused ? (
                <>
                  <span class="badge bg-danger text-wrap">{refusal(q.refused)}</span>
                  <button type="button" class="btn btn-link btn-sm p-0 d-block" onClick={() => onDiscard(q.key)}>
                    {t('monitoring.discard')}
                  </button>
                </>
              ) : (
                <span class="badge bg-warning text-dark text-wrap">{t('monitoring.onDevice')}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <div class="d-flex flex-wrap gap-2 mt-1">
          <input id={`photo-take-${item.id}`} class="photo-input visually-hidden" type="file" accept="image/*" capture="environment" aria-describedby={`q-${item.id}`} onChange={picked} data-testid="photo-take" />
          <label for={`photo-take-${item.id}`} class="btn btn-outline-primary btn-sm mb-0">
            {t('monitoring.photos.take')}
          </label>
          <input id={`photo-choose-${item.id}`} class="photo-input visually-hidden" type="file" accept="image/*" multiple aria-describedby={`q-${item.id}`} onChange={picked} data-testid="photo-choose" />
          <label for={`photo-choose-${item.id}`} class="btn btn-outline-primary btn-sm mb-0">
            {t('monitoring.photos.choose')}
          </label>
        </div>
      ) : null}
      {error ? (
        <div class="alert alert-danger mt-2" role="alert">
          {describeError(error, t)}
        </div>
      ) : null}
      {dialog}
    </div>
  );
}
