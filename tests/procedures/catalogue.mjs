// A procedure of the catalogue as a body the catalogue takes back: its answer carries the labels
// in the caller's language (label, label_lang: read-only, decision 0043), which a write refuses
// as unknown fields.
export const editable = ({ id, updated_at, label, label_lang, steps, documents, ...rest }) => ({
  ...rest,
  steps: steps.map(({ label, label_lang, ...s }) => s),
  documents: documents.map(({ label, label_lang, ...d }) => d),
});
