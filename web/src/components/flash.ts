import { useState } from 'preact/hooks';

let pending: string | null = null;

/** Leaves a success message for the next page shown (e.g. the list after saving). */
export function setFlash(message: string): void {
  pending = message;
}

/** The message left by setFlash, taken once when the page mounts. */
export function useFlash(): string | null {
  const [message] = useState(() => {
    const m = pending;
    pending = null;
    return m;
  });
  return message;
}
