// Checks at compile time that a vocabulary written out in the web app is exactly the server's (the
// generated api-schema.d.ts). The lists are written out, not imported from api-schema.d.ts, because
// web/tests/i18n.test.mjs reads them as text to check that every value is translated.
// Use: `export type RolesAreTheServers = Check<Same<(typeof ROLES)[number], Role>>;` (exported, so
// that tsc does not call it unused); a value missing or extra turns `Same` false and fails tsc.

/** true when A and B are the same type (each assignable to the other). */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compiles only when given true. */
export type Check<T extends true> = T;
