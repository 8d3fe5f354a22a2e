// ESLint for web/src, run by `npm run lint` and by `npm run build`. Parsing only (no type information):
// typescript-eslint's parser with the TypeScript 5.9 installed in this folder, apart from the app's TypeScript 7.
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import featureBoundaries from './feature-boundaries.js';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));

export default [
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { innet: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'innet/feature-boundaries': ['error', { srcDir }] },
  },
];
