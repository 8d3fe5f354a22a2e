import type { Page } from '../lib/api';
import { useData } from '../lib/useData';

/** Loads a page of a list whenever `key` (usually the query string) changes; the rows shown stay until the next page arrives. */
export function useList<T>(load: () => Promise<Page<T>>, key: string) {
  return useData(load, [key], { keepPrevious: true });
}

export function pageParam(q: URLSearchParams): number {
  const n = Number(q.get('page'));
  return Number.isInteger(n) && n > 0 ? n : 1;
}

export const PER_PAGE = 20;
