// Every namespace of ar: one chunk, loaded when the language is chosen (../i18n.ts).
import { byNamespace } from './namespaces';

export default byNamespace(
  import.meta.glob<Record<string, unknown>>(['../../locales/ar.json', '../../features/*/locales/ar.json'], { eager: true, import: 'default' }),
);
