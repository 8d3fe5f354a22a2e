// Which in-place form (an ActionPanel) is open on a page, and where the focus goes when it closes.
import { useRef, useState } from 'preact/hooks';

/**
 * `open(a, event)` shows the form for `a` and remembers the button that opened it; `close()` (cancel)
 * gives the focus back to that button; `finish(id)` (done) moves it to the heading of the
 * section whose content changed, or to the message beside what changed, so a screen reader
 * announces where the user is. With `keepScroll` the page does not move (the register: the user
 * stays at row 46).
 */
export function useActionPanel<A>(initial: A | null = null) {
  // `initial`: a form the page opens on arrival (the placement desk's "place here" link).
  const [action, setAction] = useState<A | null>(initial);
  const opener = useRef<HTMLElement | null>(null);
  const open = (a: A, e: Event) => {
    opener.current = e.currentTarget as HTMLElement;
    setAction(() => a);
  };
  const close = () => {
    setAction(null);
    window.setTimeout(() => opener.current?.focus(), 0);
  };
  const finish = (id: string, { keepScroll = false } = {}) => {
    setAction(null);
    window.setTimeout(() => document.getElementById(id)?.focus({ preventScroll: keepScroll }), 0);
  };
  return { action, open, close, finish };
}
