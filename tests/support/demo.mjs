// The demo accounts of `innet seed --demo` (src/accounts/seed.cc), written once for the API tests
// (client.mjs) and the browser tests (web/tests/browser/helpers.mjs): one account per role,
// `<role>@demo.innet.example`, password 'demo'.
import { openApiDocument } from './openapi.mjs';

// The server's roles, from its OpenAPI document (the Role schema): one list, in src/auth/policy.cc.
export const ROLES = (await openApiDocument()).components.schemas.Role.enum;
export const DEMO_PASSWORD = 'demo';
export const demoEmail = (role) => `${role}@demo.innet.example`;
