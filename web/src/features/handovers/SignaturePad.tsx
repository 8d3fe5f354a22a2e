// The guest signs on the tablet's or phone's screen: strokes drawn with a finger, pen or mouse on a
// canvas, exported as a PNG and uploaded like a scanned receipt (decision 0019). Whoever cannot
// draw (keyboard only) uploads the signed sheet instead: the form offers both.
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../lib/i18n';

export interface SignatureHandle {
  /** The drawing as a PNG file, or null when nothing was drawn. */
  file: () => Promise<File | null>;
  clear: () => void;
}

export function SignaturePad({ id, label, error, onReady }: { id: string; label: string; error?: string; onReady: (h: SignatureHandle) => void }) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawn = useRef(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    // The canvas's own pixels follow its displayed size, so strokes land under the finger.
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(c.clientWidth * ratio);
    c.height = Math.round(c.clientHeight * ratio);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#000';
    let down = false;
    const at = (e: PointerEvent) => {
      const r = c.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top] as const;
    };
    const start = (e: PointerEvent) => {
      down = true;
      c.setPointerCapture(e.pointerId);
      ctx.beginPath();
      ctx.moveTo(...at(e));
      e.preventDefault();
    };
    const move = (e: PointerEvent) => {
      if (!down) return;
      ctx.lineTo(...at(e));
      ctx.stroke();
      drawn.current = true;
      e.preventDefault();
    };
    const end = () => {
      down = false;
    };
    c.addEventListener('pointerdown', start);
    c.addEventListener('pointermove', move);
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    onReady({
      clear: () => {
        ctx.save();
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        // A white background: the PNG reads as a signed sheet, not black strokes on transparency.
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, c.width, c.height);
        ctx.restore();
        drawn.current = false;
      },
      file: () =>
        new Promise((resolve) => {
          if (!drawn.current) return resolve(null);
          c.toBlob((blob) => resolve(blob ? new File([blob], 'firma.png', { type: 'image/png' }) : null), 'image/png');
        }),
    });
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.clientWidth, c.clientHeight);
    return () => {
      c.removeEventListener('pointerdown', start);
      c.removeEventListener('pointermove', move);
      c.removeEventListener('pointerup', end);
      c.removeEventListener('pointercancel', end);
    };
  }, []);

  return (
    <div class="mb-4 field">
      <p class="form-label fw-semibold mb-1" id={`${id}-label`}>
        {label}
      </p>
      <canvas
        ref={canvas}
        id={id}
        class={`signature-pad border rounded w-100${error ? ' border-danger' : ''}`}
        style={{ height: '160px', touchAction: 'none', background: '#fff' }}
        role="img"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint`}
        data-testid="signature-pad"
      />
      <div id={`${id}-hint`} class="form-text">
        {t('handovers.signatureHint')}
      </div>
      {error ? <div class="field-error">{error}</div> : null}
    </div>
  );
}
