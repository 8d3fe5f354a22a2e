import { useEffect, useState } from 'preact/hooks';

/** Whether a CSS media query matches now, re-rendering when that changes (a phone turned, a window resized). */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}

/** Below bootstrap's md breakpoint: a phone. */
export const NARROW = '(max-width: 767.98px)';
