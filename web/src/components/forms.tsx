import type { ComponentChildren, JSX } from 'preact';
import { describeError } from '../lib/errors';
import { useT } from '../lib/i18n';
import { Icon } from './Icon';
import type { useFormErrors } from './useFormErrors';

interface FieldBase {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
}

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  const { t } = useT();
  return (
    <label class="form-label fw-semibold" for={id}>
      {label}
      {required ? <span class="text-danger ms-1" aria-hidden="true">*</span> : null}
      {required ? <span class="visually-hidden"> ({t('form.required')})</span> : null}
    </label>
  );
}

function Messages({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  return (
    <>
      {hint ? (
        <div id={`${id}-hint`} class="form-text">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={`${id}-error`} class="field-error">
          <Icon name="error" class="icon-xs icon-danger me-1" />
          {error}
        </div>
      ) : null}
    </>
  );
}

type InputProps = FieldBase & {
  value: string;
  onValue: (v: string) => void;
  type?: string;
  autoComplete?: string;
  inputMode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
  maxLength?: number;
  pattern?: string;
  readOnly?: boolean;
  dir?: 'ltr' | 'rtl' | 'auto';
  min?: string;
  max?: string;
  /** The id of a <datalist> offering values (a combobox: type, then choose). */
  list?: string;
};

export function TextField(p: InputProps) {
  return (
    <div class="mb-4 field">
      <Label id={p.id} label={p.label} required={p.required} />
      <input
        id={p.id}
        name={p.id}
        class={`form-control${p.error ? ' is-invalid' : ''}`}
        type={p.type ?? 'text'}
        value={p.value}
        onInput={(e) => p.onValue((e.currentTarget as HTMLInputElement).value)}
        autoComplete={p.autoComplete}
        inputMode={p.inputMode}
        maxLength={p.maxLength}
        readOnly={p.readOnly}
        dir={p.dir}
        min={p.min}
        max={p.max}
        list={p.list}
        aria-required={p.required ? 'true' : undefined}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.id, p.error, p.hint)}
      />
      <Messages id={p.id} error={p.error} hint={p.hint} />
    </div>
  );
}

/**
 * V: the values of the options, e.g. a vocabulary of the API (a role, a category). With `empty`, the
 * label of an empty first option ("All" for filters, "Choose..." for forms), the value may also be ''.
 */
type SelectProps<V extends string> = FieldBase & { options: { value: V; label: string }[] } & (
    | { empty?: undefined; value: V; onValue: (v: V) => void }
    | { empty: string; value: V | ''; onValue: (v: V | '') => void }
  );

export function SelectField<V extends string>(p: SelectProps<V>) {
  return (
    <div class="mb-4 field">
      <Label id={p.id} label={p.label} required={p.required} />
      <select
        id={p.id}
        name={p.id}
        class={`form-select${p.error ? ' is-invalid' : ''}`}
        value={p.value}
        // The select offers only the options (and '' when `empty` is given).
        onChange={(e) => p.onValue((e.currentTarget as HTMLSelectElement).value as V)}
        aria-required={p.required ? 'true' : undefined}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.id, p.error, p.hint)}
      >
        {p.empty !== undefined ? <option value="">{p.empty}</option> : null}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages id={p.id} error={p.error} hint={p.hint} />
    </div>
  );
}

export function CheckboxField(p: FieldBase & { checked: boolean; onValue: (v: boolean) => void }) {
  return (
    <div class="mb-4 field">
      <div class="form-check">
        <input
          id={p.id}
          name={p.id}
          type="checkbox"
          checked={p.checked}
          onChange={(e) => p.onValue((e.currentTarget as HTMLInputElement).checked)}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={describedBy(p.id, p.error, p.hint)}
        />
        <label for={p.id}>{p.label}</label>
      </div>
      <Messages id={p.id} error={p.error} hint={p.hint} />
    </div>
  );
}

/**
 * An alert listing what went wrong, with links to the fields; it takes the focus when shown
 * so keyboard and screen-reader users learn about it at once.
 */
export function ErrorSummary({
  message,
  fieldErrors,
  labels,
  focusRef,
}: {
  message: string;
  fieldErrors?: Record<string, string>;
  labels?: Record<string, string>;
  focusRef?: { current: HTMLDivElement | null };
}) {
  const entries = Object.entries(fieldErrors ?? {});
  return (
    <div class="alert alert-danger" role="alert" tabIndex={-1} ref={focusRef} data-testid="form-error">
      <p class="mb-0">{message}</p>
      {entries.length ? (
        <ul class="mb-0 mt-2">
          {entries.map(([field, msg]) => (
            <li key={field}>
              {labels?.[field] ? (
                <a
                  href={`#${field}`}
                  onClick={(e) => {
                    const target = document.getElementById(field);
                    if (!target) return;
                    e.preventDefault();
                    target.focus();
                  }}
                >
                  {labels[field]}: {msg}
                </a>
              ) : (
                <span>{msg}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The ErrorSummary of a form, when it has errors. */
export function FormErrors({ errors, labels }: { errors: ReturnType<typeof useFormErrors>; labels?: Record<string, string> }) {
  return errors.message ? (
    <ErrorSummary message={errors.message} fieldErrors={errors.fields} labels={labels} focusRef={errors.summaryRef} />
  ) : null;
}

export function Notice({ kind, children }: { kind: 'success' | 'info' | 'warning'; children: ComponentChildren }) {
  return (
    <div class={`alert alert-${kind}`} role="status">
      {children}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <div class="d-flex align-items-center gap-3 my-4" role="status">
      <div class="progress-spinner progress-spinner-active size-sm" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** An error alert, a spinner until `ready`, then the content. */
export function LoadState({ error, ready, children }: { error: unknown; ready: boolean; children: () => ComponentChildren }) {
  const { t } = useT();
  if (error) {
    return (
      <div class="alert alert-danger" role="alert">
        {describeError(error, t)}
      </div>
    );
  }
  return ready ? <>{children()}</> : <Spinner label={t('common.loading')} />;
}

export function TextAreaField(p: FieldBase & { value: string; onValue: (v: string) => void; maxLength?: number; rows?: number }) {
  return (
    <div class="mb-4 field">
      <Label id={p.id} label={p.label} required={p.required} />
      <textarea
        id={p.id}
        name={p.id}
        class={`form-control${p.error ? ' is-invalid' : ''}`}
        rows={p.rows ?? 3}
        value={p.value}
        maxLength={p.maxLength}
        onInput={(e) => p.onValue((e.currentTarget as HTMLTextAreaElement).value)}
        aria-required={p.required ? 'true' : undefined}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.id, p.error, p.hint)}
      />
      <Messages id={p.id} error={p.error} hint={p.hint} />
    </div>
  );
}

/** An amount in euro typed with a decimal comma or point; `euroToCents` reads it. */
export function EuroField(p: FieldBase & { value: string; onValue: (v: string) => void }) {
  const { t } = useT();
  return <TextField {...p} hint={p.hint ?? t('form.euroHint')} inputMode="decimal" dir="ltr" />;
}
