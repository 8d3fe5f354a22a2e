// Who is signed in: the user, their role and organisation. Every feature and the session use these.
// The types are the server's (the generated api-schema.d.ts); the lists of values are checked against them.
import type { Schema } from './api';
import type { Check, Same } from './typeChecks';

export type Role = Schema<'Role'>;

/** Every role, in the server's order: the choices of the user form. */
export const ROLES = [
  'admin',
  'prefecture_officer',
  'inspector',
  'case_worker',
  'service_provider',
  'sui_officer',
  'analyst',
] as const;

export type RolesAreTheServers = Check<Same<(typeof ROLES)[number], Role>>;

export type OrgType = Schema<'OrganizationSummary'>['type'];

export const ORG_TYPES = [
  'prefecture',
  'questura',
  'municipality',
  'health_authority',
  'centre_operator',
  'ngo',
  'school',
  'other',
] as const;

export type OrgTypesAreTheServers = Check<Same<(typeof ORG_TYPES)[number], OrgType>>;

export type OrganizationRef = Schema<'OrganizationSummary'>;

/** A user as the users API answers. */
export type User = Schema<'User'>;

/** The signed-in user (GET /auth/me), with what they may do. */
export type SignedInUser = Schema<'SignedInUser'>;

export type Session = Schema<'Me'>;
