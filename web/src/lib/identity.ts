// Who is signed in: the user, their role and organisation. Every feature and the session use these.
// The types and the lists of values are the server's (the generated api-schema.ts).
import type { Schema } from './api';
import { organizationTypeValues, roleValues } from './api-schema';

export type Role = Schema<'Role'>;

/** Every role, in the server's order: the choices of the user form. */
export const ROLES = roleValues;

export type OrgType = Schema<'OrganizationSummary'>['type'];

export const ORG_TYPES = organizationTypeValues;

export type OrganizationRef = Schema<'OrganizationSummary'>;

/** A user as the users API answers. */
export type User = Schema<'User'>;

/** The signed-in user (GET /auth/me), with what they may do. */
export type SignedInUser = Schema<'SignedInUser'>;

export type Session = Schema<'Me'>;
