// The one way an irreversible act asks first (issue 9, point 7): a modal that says in plain words
// what will happen and a confirm button that names the act ("Registra l'uscita di Amina Diallo").
// A native <dialog> opened with showModal(): the rest of the page is inert, so the focus stays in
// the dialog; Escape cancels; the focus goes back to the button that asked when it closes.
// Styled with bootstrap-italia's modal parts (modal-content, -header, -body, -footer).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../lib/i18n';

export interface ConfirmRequest {
  /** The question, as the dialog's heading (e.g. "Uscita di Amina Diallo dal centro"). */
  title: string;
  /** What will happen, in plain words: the consequences of the act. */
  body: ComponentChildren;
  /** Names the act: the button's whole label. */
  confirmLabel: string;
}

type Open = ConfirmRequest & { resolve: (ok: boolean) => void };

/**
 * `ask(request)` opens the dialog and resolves to true when the user confirms, false when they
 * cancel (button, Escape). Render `dialog` anywhere in the component.
 */
export function useConfirm() {
  const [open, setOpen] = useState<Open | null>(null);
  const ask = (request: ConfirmRequest) => new Promise<boolean>((resolve) => setOpen({ ...request, resolve }));
  const dialog = open ? (
    <ConfirmDialog
      {...open}
      onClose={(ok) => {
        open.resolve(ok);
        setOpen(null);
      }}
    />
  ) : null;
  return { ask, dialog };
}

let counter = 0;

function ConfirmDialog({ title, body, confirmLabel, onClose }: ConfirmRequest & { onClose: (ok: boolean) => void }) {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [id] = useState(() => `confirm-dialog-${++counter}`);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Escape: the browser's `cancel`; the dialog closes through onClose like the Cancel button.
    const onCancel = (e: Event) => {
      e.preventDefault();
      close.current(false);
    };
    dialog.addEventListener('cancel', onCancel);
    if (!dialog.open) dialog.showModal();
    // An irreversible act: the focus starts on the choice that changes nothing.
    cancelButton.current?.focus();
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      window.setTimeout(() => {
        if (opener?.isConnected && !opener.matches(':disabled')) opener.focus();
      }, 0);
    };
  }, []);
  return (
    <dialog ref={ref} class="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} data-testid="confirm-dialog">
      <div class="modal-content">
        <div class="modal-header">
          <h2 class="modal-title h4" id={`${id}-title`}>
            {title}
          </h2>
        </div>
        <div class="modal-body" id={`${id}-body`}>
          {body}
        </div>
        <div class="modal-footer">
          <button type="button" class="btn btn-outline-primary" ref={cancelButton} data-testid="confirm-cancel" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </button>
          <button type="button" class="btn btn-primary" data-testid="confirm-ok" onClick={() => onClose(true)}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}

/** Facts the act is about (a month, an amount, a day and its counts), as label and value lines. */
export function Facts({ items, testId }: { items: [label: string, value: ComponentChildren][]; testId?: string }) {
  return (
    <dl class="confirm-facts" data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The consequences of the act, one per line. */
export function Consequences({ items }: { items: ComponentChildren[] }) {
  return (
    <ul class="confirm-consequences" data-testid="confirm-consequences">
      {items.map((c, i) => (
        <li key={i}>{c}</li>
      ))}
    </ul>
  );
}
