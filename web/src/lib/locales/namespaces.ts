// The strings of one language, by i18next namespace: `common` (src/locales/<lang>.json: the shell, shared
// UI, errors and field errors) and one per feature (src/features/<name>/locales/<lang>.json).
export type Resources = Record<string, Record<string, unknown>>;

/** Names each file found by import.meta.glob by its namespace: the feature's folder, or common. */
export function byNamespace(files: Record<string, Record<string, unknown>>): Resources {
  const out: Resources = {};
  for (const [path, strings] of Object.entries(files)) {
    const feature = /\/features\/([^/]+)\/locales\//.exec(path);
    out[feature ? feature[1] : 'common'] = strings;
  }
  return out;
}
