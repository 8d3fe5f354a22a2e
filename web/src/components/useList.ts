import { useEffect, useState } from 'preact/hooks';
import type { Page } from '../lib/api';

/** Loads a page of a list whenever `key` (usually the query string) changes. */
export function useList<T>(load: () => Promise<Page<T>>, key: string) {
  const [data, setData] = useState<Page<T> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load()
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((e) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [key, reloads]);
  return { data, error, loading, reload: () => setReloads((n) => n + 1) };
}

export function pageParam(q: URLSearchParams): number {
  const n = Number(q.get('page'));
  return Number.isInteger(n) && n > 0 ? n : 1;
}

export const PER_PAGE = 20;
