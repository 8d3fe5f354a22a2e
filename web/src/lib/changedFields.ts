/** The fields of `next` that differ from `before`: an edit sends only these, so that the audit trail names only what was corrected. */
export function changedFields<T extends object>(before: T, next: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof T])),
  ) as Partial<T>;
}
