/**
 * The shape of the demo department as `buildDemoDepartment` returns it: plain records that
 * refer to each other by symbolic keys (skill keys, credential codes, staff keys); the loader
 * (`seed-demo.ts`) turns them into ids.
 */
export type DemoRequirement =
  | { kind: 'skill'; skillKey: string; minLevel: number }
  | { kind: 'credential'; anyOfCodes: string[]; verifiedOnly?: boolean };

export interface DemoDepartment {
  department: {
    name: string;
    timeZone: string;
    requireVerification: boolean;
    expiryWarningDays: number;
    reminderLeadDays: number[];
    assessmentValidityMonths: number | null;
  };
  skills: {
    key: string;
    name: string;
    category: 'technical' | 'regulatory' | 'soft';
    description: string;
    reassessMonths?: number;
  }[];
  credentialTypes: {
    code: string;
    name: string;
    issuingBody: string;
    baseCeus: number;
    evidencesSkills: { skillKey: string; level: number }[];
    /** codes of the types this one supersedes (RHIA supersedes RHIT) */
    supersedesCodes?: string[];
  }[];
  ceRules: {
    issuingBody: string;
    cycleMonths: number;
    extraPerAdditional: number;
    cap: number | null;
    minimums: { categories: string[]; hours?: number; share?: number }[];
    afterLapse: { state: string; days: number }[];
  }[];
  roles: { key: string; name: string; description: string; requirements: DemoRequirement[] }[];
  teams: {
    key: string;
    name: string;
    managerStaffKeys: string[];
    coverageTargets: { requirement: DemoRequirement; minHolders: number }[];
  }[];
  staff: {
    key: string;
    name: string;
    email: string;
    employeeId: string;
    teamKey: string;
    roleKey: string;
    status: 'active' | 'leave' | 'terminated';
    hireDate: string;
  }[];
  credentials: {
    key: string;
    staffKey: string;
    code: string;
    number: string;
    issuedOn: string;
    expiresOn: string | null;
    verification: { method: 'primary-source' | 'certificate-copy'; verifiedOn: string } | null;
    revokedOn?: string;
    revokedReason?: string;
  }[];
  assessments: {
    staffKey: string;
    skillKey: string;
    level: number;
    assessedOn: string;
    source: 'self' | 'manager';
    note?: string;
  }[];
  ceActivities: {
    staffKey: string;
    title: string;
    provider: string;
    completedOn: string;
    hours: number;
    categories: string[];
    credentialKeys: string[];
    status: 'submitted' | 'approved' | 'rejected';
    reviewNote?: string;
  }[];
  users: {
    email: string;
    role: 'admin' | 'manager' | 'staff';
    staffKey: string | null;
    password: string;
    label: string;
  }[];
}

export type DemoSkill = DemoDepartment['skills'][number];
export type DemoCredentialType = DemoDepartment['credentialTypes'][number];
export type DemoRole = DemoDepartment['roles'][number];
export type DemoTeam = DemoDepartment['teams'][number];
export type DemoStaff = DemoDepartment['staff'][number];
export type DemoCredential = DemoDepartment['credentials'][number];
export type DemoAssessment = DemoDepartment['assessments'][number];
export type DemoCeActivity = DemoDepartment['ceActivities'][number];
export type DemoUser = DemoDepartment['users'][number];

/** The key of a demo credential: one credential type per holder. */
export function demoCredentialKey(staffKey: string, code: string): string {
  return `${staffKey}:${code}`;
}
