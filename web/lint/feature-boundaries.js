// ESLint rule: the layers of web/src and the walls between features (docs/decisions/0011-web-features.md).
//   lib/         the app's plumbing (API client, i18n, dates, money, session, router): imports only lib/
//   components/  generic UI: imports lib/ and components/
//   features/X/  one module's pages, parts, API client and strings: anything shared, and another feature only
//                through its public entry features/Y/index.ts
//   app/         the shell (routes, header, home): like a feature, every feature through its index
// Only relative imports are checked: packages (preact, i18next) are open to all.
import { dirname, relative, resolve, sep } from 'node:path';

/** Where a file sits: { layer: 'lib' | 'components' | 'features' | 'app' | 'root', feature?, rest? }. */
function place(srcDir, file) {
  const parts = relative(srcDir, file).split(sep);
  if (parts[0] === '..') return null;
  if (parts[0] === 'features' && parts.length > 1) return { layer: 'features', feature: parts[1], rest: parts.slice(2).join('/') };
  if (['lib', 'components', 'app'].includes(parts[0]) && parts.length > 1) return { layer: parts[0] };
  return { layer: 'root' };
}

const ALLOWED = { lib: ['lib'], components: ['lib', 'components'] };
const isIndex = (rest) => rest === '' || /^index(\.tsx?)?$/.test(rest);

export default {
  meta: {
    type: 'problem',
    docs: { description: 'keeps lib/ and components/ free of features, and features out of each other’s internals' },
    schema: [{ type: 'object', properties: { srcDir: { type: 'string' } }, required: ['srcDir'], additionalProperties: false }],
    messages: {
      internal: "'{{source}}' is internal to the {{feature}} feature: import it from '{{entry}}' (add it to that index.ts if it is meant to be shared).",
      layer: "{{from}}/ may not import from {{to}}/: shared code must not depend on {{what}}.",
    },
  },
  create(context) {
    const srcDir = resolve(context.options[0].srcDir);
    const here = place(srcDir, context.filename);
    if (!here) return {};
    const check = (node) => {
      const source = node.source && node.source.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = place(srcDir, resolve(dirname(context.filename), source));
      if (!target) return;
      const allowed = ALLOWED[here.layer];
      if (allowed && !allowed.includes(target.layer)) {
        const what = target.layer === 'features' ? 'a feature' : `${target.layer}/`;
        context.report({ node: node.source, messageId: 'layer', data: { from: here.layer, to: target.layer, what } });
        return;
      }
      if (target.layer !== 'features' || here.feature === target.feature || isIndex(target.rest)) return;
      const entry = relative(dirname(context.filename), resolve(srcDir, 'features', target.feature)).split(sep).join('/');
      context.report({ node: node.source, messageId: 'internal', data: { source, feature: target.feature, entry } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
