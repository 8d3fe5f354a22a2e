// Checks the feature-boundaries rule of lint/eslint.config.js on made-up files: it must refuse a
// feature's internals from outside it and any feature from shared code, and accept the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: web, overrideConfigFile: join(web, 'lint', 'eslint.config.js') });

async function problems(file, code) {
  const [result] = await eslint.lintText(code, { filePath: join(web, 'src', file) });
  return result.messages.map((m) => m.messageId ?? m.message);
}

test('a feature may use another feature only through its index', async () => {
  assert.deepEqual(await problems('features/costs/X.tsx', "import { a } from '../register/api';"), ['internal']);
  assert.deepEqual(await problems('features/costs/X.tsx', "import { a } from '../register';"), []);
  assert.deepEqual(await problems('features/costs/X.tsx', "import { a } from '../register/index';"), []);
  assert.deepEqual(await problems('features/costs/X.tsx', "import { a } from './api';"), []);
  assert.deepEqual(await problems('app/App.tsx', "import { a } from '../features/costs/Costs';"), ['internal']);
  assert.deepEqual(await problems('app/App.tsx', "export { a } from '../features/costs/Costs';"), ['internal']);
  assert.deepEqual(await problems('app/App.tsx', "const m = () => import('../features/costs/Costs');"), ['internal']);
});

test('shared code does not depend on features or on the layers above it', async () => {
  assert.deepEqual(await problems('lib/x.ts', "import { a } from '../features/costs';"), ['layer']);
  assert.deepEqual(await problems('components/x.tsx', "import { a } from '../features/costs';"), ['layer']);
  assert.deepEqual(await problems('lib/x.ts', "import { a } from '../components/forms';"), ['layer']);
  assert.deepEqual(await problems('components/x.tsx', "import { a } from '../app/nav';"), ['layer']);
  assert.deepEqual(await problems('components/x.tsx', "import { a } from '../lib/api';\nimport b from 'preact';"), []);
});
