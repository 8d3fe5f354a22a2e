// Loads one TypeScript module of src/ in Node: esbuild (Vite's own) strips the types and bundles
// the module with its relative imports (lib/dates.ts uses lib/numbers.ts), and its preact/hooks
// import is pointed at support/hooks.mjs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const hooks = pathToFileURL(new URL('./hooks.mjs', import.meta.url).pathname).href;

export async function loadTs(path) {
  const out = await build({ entryPoints: [path], bundle: true, write: false, format: 'esm', target: 'es2022', platform: 'neutral', external: ['preact/hooks'], logLevel: 'silent' });
  const code = out.outputFiles[0].text;
  const file = join(mkdtempSync(join(tmpdir(), 'innet-ts-')), 'module.mjs');
  writeFileSync(file, code.replaceAll(/(['"])preact\/hooks\1/g, `'${hooks}'`));
  return import(pathToFileURL(file).href);
}
