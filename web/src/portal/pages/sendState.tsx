// A public form's sending state and its outcome message, shown where the eye is: in place of the
// form once received (and focused), or beside the send button when refused.
import { useEffect, useRef, useState } from 'preact/hooks';
import { PortalApiError } from '../api';
import { t } from '../i18n';
import { describeError } from '../parts';

export type SendState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done' } | { kind: 'failed'; message: string };

export function useSend(): [SendState, (send: () => Promise<unknown>) => void] {
  const [state, setState] = useState<SendState>({ kind: 'idle' });
  const run = (send: () => Promise<unknown>) => {
    setState({ kind: 'sending' });
    send().then(
      () => setState({ kind: 'done' }),
      (e: unknown) =>
        setState({
          kind: 'failed',
          message: e instanceof PortalApiError && e.status === 429 ? describeError(e) : e instanceof PortalApiError && e.status === 0 ? t('errors.network') : t('errors.notSent'),
        }),
    );
  };
  return [state, run];
}

/** The thanks that replaces a sent form; it takes the focus, so a screen reader says it. */
export function Thanks({ text, testid }: { text: string; testid: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} class="alert alert-success" role="status" data-testid={testid}>
      {text}
    </div>
  );
}

export function Refused({ message, testid }: { message: string; testid: string }) {
  return (
    <div class="alert alert-danger mt-3 mb-0" role="alert" data-testid={testid}>
      {message}
    </div>
  );
}
