// A stand-in for preact/hooks, enough to run one hook-using function outside a browser: state,
// refs, memo, callbacks and effects (run right after each render), and unmount. Used by tests that
// load a hook with support/load-ts.mjs.
let current = null;

const changed = (a, b) => !a || !b || a.length !== b.length || a.some((x, i) => !Object.is(x, b[i]));

/** Renders `fn(props)` as a component would be; returns { render(props), result(), unmount() }. */
export function mountHook(fn, props) {
  const slots = [];
  let index = 0;
  let result;
  let pendingEffects = [];
  let busy = false;
  let dirty = false;
  const self = {
    useState(init) {
      const i = index++;
      if (!(i in slots)) slots[i] = { value: typeof init === 'function' ? init() : init };
      const slot = slots[i];
      const set = (v) => {
        const next = typeof v === 'function' ? v(slot.value) : v;
        if (Object.is(next, slot.value)) return;
        slot.value = next;
        rerender();
      };
      return [slot.value, set];
    },
    useRef(init) {
      const i = index++;
      if (!(i in slots)) slots[i] = { current: init };
      return slots[i];
    },
    useMemo(make, deps) {
      const i = index++;
      if (!(i in slots) || changed(slots[i].deps, deps)) slots[i] = { value: make(), deps };
      return slots[i].value;
    },
    useCallback(cb, deps) {
      return self.useMemo(() => cb, deps);
    },
    useEffect(effect, deps) {
      const i = index++;
      const slot = (slots[i] ??= { deps: undefined, cleanup: undefined });
      if (slot.deps && !changed(slot.deps, deps)) return;
      slot.deps = deps;
      pendingEffects.push(() => {
        if (typeof slot.cleanup === 'function') slot.cleanup();
        slot.cleanup = effect();
      });
    },
  };
  function render() {
    busy = true;
    do {
      dirty = false;
      index = 0;
      current = self;
      result = fn(props);
      current = null;
      const effects = pendingEffects;
      pendingEffects = [];
      for (const run of effects) run();
    } while (dirty);
    busy = false;
  }
  function rerender() {
    if (busy) dirty = true;
    else render();
  }
  render();
  return {
    render(next) {
      props = next;
      render();
    },
    result: () => result,
    unmount() {
      for (const slot of slots) if (slot && typeof slot.cleanup === 'function') slot.cleanup();
    },
  };
}

const use = (name) => (...args) => {
  if (!current) throw new Error(`${name} outside mountHook`);
  return current[name](...args);
};
export const useState = use('useState');
export const useRef = use('useRef');
export const useMemo = use('useMemo');
export const useCallback = use('useCallback');
export const useEffect = use('useEffect');
