// Loads one TypeScript module of src/ in Node: esbuild (Vite's own) strips the types, and its
// preact/hooks import is pointed at support/hooks.mjs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';

const hooks = pathToFileURL(new URL('./hooks.mjs', import.meta.url).pathname).href;

export async function loadTs(path) {
  const { code } = await transform(readFileSync(path, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' });
  const file = join(mkdtempSync(join(tmpdir(), 'innet-ts-')), 'module.mjs');
  writeFileSync(file, code.replaceAll(/(['"])preact\/hooks\1/g, `'${hooks}'`));
  return import(pathToFileURL(file).href);
}
