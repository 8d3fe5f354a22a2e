// Checks lib/useData: loading, error, reload, and that only the newest request's answer is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mountHook } from './support/hooks.mjs';
import { loadTs } from './support/load-ts.mjs';

const { useData } = await loadTs(join(fileURLToPath(new URL('..', import.meta.url)), 'src', 'lib', 'useData.ts'));

/** A load function whose answers the test hands out: calls[i].resolve(value) / .reject(error). */
function controlledLoads() {
  const calls = [];
  const load = (input) => () =>
    new Promise((resolve, reject) => {
      calls.push({ input, resolve, reject });
    });
  return { calls, load };
}
const settle = () => new Promise((r) => setImmediate(r));

test('loading, then the answer; a failure keeps the last answer and says what failed', async () => {
  const { calls, load } = controlledLoads();
  const h = mountHook(({ id }) => useData(load(id), [id]), { id: 1 });
  assert.equal(h.result().loading, true);
  assert.equal(h.result().data, null);
  calls[0].resolve('one');
  await settle();
  assert.deepEqual({ ...h.result(), reload: undefined }, { data: 'one', error: null, loading: false, reload: undefined });
  h.result().reload();
  assert.equal(h.result().loading, true);
  assert.equal(h.result().data, 'one', 'a reload keeps the answer on screen');
  calls[1].reject(new Error('down'));
  await settle();
  assert.equal(h.result().data, 'one');
  assert.equal(h.result().error.message, 'down');
  h.result().reload();
  calls[2].resolve('one again');
  await settle();
  assert.equal(h.result().error, null, 'a success clears the error');
});

test('an older request answering after a newer one does not win', async () => {
  const { calls, load } = controlledLoads();
  const h = mountHook(({ q }) => useData(load(q), [q], { keepPrevious: true }), { q: 'a' });
  h.render({ q: 'ab' });
  assert.equal(calls.length, 2);
  calls[1].resolve('rows for ab');
  await settle();
  calls[0].resolve('rows for a');
  await settle();
  assert.equal(h.result().data, 'rows for ab');
  assert.equal(h.result().loading, false);
  h.render({ q: 'abc' });
  calls[2].reject(new Error('late failure'));
  h.render({ q: 'abcd' });
  calls[3].resolve('rows for abcd');
  await settle();
  assert.equal(h.result().error, null, 'a stale failure does not win either');
  assert.equal(h.result().data, 'rows for abcd');
});

test('new inputs clear the old answer unless keepPrevious; nothing lands after unmount', async () => {
  const { calls, load } = controlledLoads();
  const h = mountHook(({ id }) => useData(load(id), [id]), { id: 1 });
  calls[0].resolve('centre 1');
  await settle();
  h.render({ id: 2 });
  assert.equal(h.result().data, null, 'the answer for centre 1 is not shown as centre 2');
  h.unmount();
  calls[1].resolve('centre 2');
  await settle();
  assert.equal(h.result().data, null);
});
