// The one way a component loads data (docs/decisions/0011-web-features.md).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  /** The answer for the current inputs: kept while reload() runs or fails, so the page does not blink. */
  data: T | null;
  /** The last failure, cleared by the next success. */
  error: unknown;
  loading: boolean;
  /** Loads again with the same inputs (after a change the page made itself). */
  reload: () => void;
}

/**
 * Loads data for a component: again whenever one of `deps` changes, and on reload(). Only the answer
 * to the newest request is kept: an older request answering after a newer one (a fast typist, a
 * slow server) is dropped, and so is any answer arriving after the component is gone.
 * New inputs clear the old answer, which belongs to other inputs, unless `keepPrevious` (a list
 * keeps its rows on screen while the next page loads).
 */
export function useData<T>(load: () => Promise<T>, deps: readonly unknown[], { keepPrevious = false } = {}): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true });
  const [reloads, setReloads] = useState(0);
  const newest = useRef(0);
  const lastReloads = useRef(reloads);
  useEffect(() => {
    const ticket = ++newest.current;
    const current = () => ticket === newest.current;
    // The effect runs for new inputs or for reload(): only the count of reloads tells which.
    const newInputs = lastReloads.current === reloads;
    lastReloads.current = reloads;
    if (newInputs && !keepPrevious) setState({ data: null, error: null, loading: true });
    else setState((s) => (s.loading ? s : { ...s, loading: true }));
    load().then(
      (data) => current() && setState({ data, error: null, loading: false }),
      (error: unknown) => current() && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, [...deps, reloads]);
  useEffect(
    () => () => {
      newest.current++;
    },
    [],
  );
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { ...state, reload };
}
