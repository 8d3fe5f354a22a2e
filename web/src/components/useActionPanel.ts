// Which in-place form (an ActionPanel) is open on a page, and where the focus goes when it closes.
import { useRef, useState } from 'preact/hooks';

/**
 * `open(a, event)` shows the form for `a` and remembers the button that opened it; `close()` (cancel)
 * gives the focus back to that button; `finish(headingId)` (done) moves it to the heading of the
 * section whose content changed, so a screen reader announces where the user is.
 */
export function useActionPanel<A>() {
  const [action, setAction] = useState<A | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = (a: A, e: Event) => {
    opener.current = e.currentTarget as HTMLElement;
    setAction(() => a);
  };
  const close = () => {
    setAction(null);
    window.setTimeout(() => opener.current?.focus(), 0);
  };
  const finish = (headingId: string) => {
    setAction(null);
    window.setTimeout(() => document.getElementById(headingId)?.focus(), 0);
  };
  return { action, open, close, finish };
}
