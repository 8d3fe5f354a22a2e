// Every namespace of bn: one chunk, loaded when the language is chosen (../i18n.ts).
import { byNamespace } from './namespaces';

export default byNamespace(
  import.meta.glob<Record<string, unknown>>(['../../locales/bn.json', '../../features/*/locales/bn.json'], { eager: true, import: 'default' }),
);
