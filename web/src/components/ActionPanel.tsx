// A form that opens in place for one action (add a contract, place a guest, submit an invoice):
// a titled section that takes the focus when it opens, and its save and cancel buttons.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../lib/i18n';
import type { useActionPanel } from './useActionPanel';

/** `compact`: inside a table or list (the register's rows), with a smaller heading. */
export function ActionPanel({ id, title, compact, children }: { id: string; title: string; compact?: boolean; children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class={`guest-action ${compact ? 'my-2' : 'my-4'}`} aria-labelledby={`${id}-heading`} data-testid={id}>
      <h3 id={`${id}-heading`} class={compact ? 'h5' : 'h4'} tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {children}
    </section>
  );
}

export function FormButtons({ busy, onCancel, saveLabel, testId }: { busy: boolean; onCancel?: () => void; saveLabel: string; testId: string }) {
  const { t } = useT();
  return (
    <div class="d-flex flex-wrap gap-2">
      <button type="submit" class="btn btn-primary" disabled={busy} data-testid={testId}>
        {saveLabel}
      </button>
      {onCancel ? (
        <button type="button" class="btn btn-outline-primary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The button that opens `action`'s panel, saying whether it is open. `name`: its accessible name
 * where the label alone repeats (one "Correct" a row), beginning with the label.
 */
export function PanelOpener<A extends string>({ panel, action, label, name, testId }: { panel: ReturnType<typeof useActionPanel<A>>; action: A; label: string; name?: string; testId: string }) {
  return (
    <button type="button" class="btn btn-outline-primary btn-sm" data-testid={testId} aria-label={name} aria-expanded={panel.action === action ? 'true' : 'false'} onClick={(e) => panel.open(action, e)}>
      {label}
    </button>
  );
}
