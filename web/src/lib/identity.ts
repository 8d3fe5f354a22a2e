// Who is signed in: the user, their role and organisation. Every feature and the session use these.

export type Role =
  | 'admin'
  | 'prefecture_officer'
  | 'inspector'
  | 'case_worker'
  | 'service_provider'
  | 'sui_officer'
  | 'analyst';

export const ROLES: Role[] = [
  'admin',
  'prefecture_officer',
  'inspector',
  'case_worker',
  'service_provider',
  'sui_officer',
  'analyst',
];

export type OrgType =
  | 'prefecture'
  | 'questura'
  | 'municipality'
  | 'health_authority'
  | 'centre_operator'
  | 'ngo'
  | 'school'
  | 'other';

export const ORG_TYPES: OrgType[] = [
  'prefecture',
  'questura',
  'municipality',
  'health_authority',
  'centre_operator',
  'ngo',
  'school',
  'other',
];

export interface OrganizationRef {
  id: number;
  name: string;
  type: OrgType;
  istat_code: string | null;
}

export interface User {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  active: boolean;
  organization: OrganizationRef;
  permissions?: string[];
}

export interface Session {
  user: User;
  csrf_token: string;
}
