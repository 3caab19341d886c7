import type {
  Assessment,
  CeActivity,
  CeGroup,
  CeRule,
  Credential,
  CredentialType,
  Department,
  MemberActions,
  Page,
  Role,
  Skill,
  Staff,
  StaffDetail,
  Team,
} from '@him/contracts';

export function page<T>(items: T[]): Page<T> {
  return { items, total: items.length };
}

export function department(overrides: Partial<Department> = {}): Department {
  return {
    id: 'department-1',
    name: 'Riverside HIM',
    timeZone: 'America/Chicago',
    requireVerification: false,
    expiryWarningDays: 90,
    reminderLeadDays: [90, 60, 30, 7],
    ssoCreateAccounts: false,
    passwordSignIn: true,
    breakGlassUserId: null,
    staffMayAddCredentials: true,
    evidenceMaxBytes: 10 * 1024 * 1024,
    version: 1,
    ...overrides,
  };
}

export const CCS_TYPE: CredentialType = {
  id: 'type-ccs',
  code: 'CCS',
  name: 'Certified Coding Specialist',
  issuingBody: 'AHIMA',
  baseCeus: 20,
  evidencesSkills: [],
  version: 1,
};

export const CPC_TYPE: CredentialType = {
  id: 'type-cpc',
  code: 'CPC',
  name: 'Certified Professional Coder',
  issuingBody: 'AAPC',
  baseCeus: 36,
  evidencesSkills: [],
  version: 1,
};

export const RHIT_TYPE: CredentialType = {
  id: 'type-rhit',
  code: 'RHIT',
  name: 'Registered Health Information Technician',
  issuingBody: 'AHIMA',
  baseCeus: 20,
  evidencesSkills: [],
  version: 1,
};

export function credential(overrides: Partial<Credential> = {}): Credential {
  return {
    id: 'cred-ccs',
    staffId: 'staff-1',
    credentialTypeId: CCS_TYPE.id,
    number: '5769810',
    issuedOn: '2019-09-11',
    expiresOn: '2027-09-19',
    verification: { method: 'primary-source', verifiedOn: '2025-09-27' },
    revokedOn: null,
    revokedReason: null,
    hasEvidence: false,
    version: 1,
    ...overrides,
  };
}

export function ceGroup(overrides: Partial<CeGroup> = {}): CeGroup {
  return {
    staffId: 'staff-1',
    issuingBody: 'AHIMA',
    credentialIds: ['cred-ccs'],
    credentialTypeCodes: ['CCS'],
    cycleStart: '2025-09-20',
    cycleEnd: '2027-09-19',
    required: 20,
    earned: 16,
    pending: 3.5,
    remaining: 4,
    pace: 14.96,
    status: 'on-track',
    minimums: [
      { categories: ['hiim-domain'], requiredHours: 16, earnedHours: 16, met: true },
      { categories: ['ahima-provided'], requiredHours: 8, earnedHours: 5, met: false },
    ],
    countedActivityIds: [],
    ...overrides,
  };
}

export function ceActivity(overrides: Partial<CeActivity> = {}): CeActivity {
  return {
    id: 'activity-1',
    staffId: 'staff-1',
    title: 'Coding Clinic Q1',
    provider: 'AHA Central Office',
    completedOn: '2026-03-06',
    hours: 1.5,
    categories: ['hiim-domain'],
    credentialIds: [],
    status: 'approved',
    reviewNote: null,
    reviewedByUserId: 'user-manager',
    reviewedAt: '2026-03-07T10:00:00.000Z',
    hasEvidence: false,
    version: 2,
    ...overrides,
  };
}

export const AHIMA_RULE: CeRule = {
  issuingBody: 'AHIMA',
  cycleMonths: 24,
  extraPerAdditional: 10,
  cap: 50,
  minimums: [
    { categories: ['hiim-domain'], share: 0.8 },
    { categories: ['ahima-provided'], share: 0.4 },
  ],
  version: 1,
};

export const NCRA_RULE: CeRule = {
  issuingBody: 'NCRA',
  cycleMonths: 24,
  extraPerAdditional: 0,
  cap: null,
  minimums: [{ categories: ['ctr-category-a'], hours: 4 }],
  version: 1,
};

export const ICD10_SKILL: Skill = {
  id: 'skill-icd10',
  name: 'ICD-10-CM coding',
  category: 'technical',
  description: null,
  version: 1,
};

export const CPT_SKILL: Skill = {
  id: 'skill-cpt',
  name: 'CPT coding',
  category: 'technical',
  description: null,
  version: 1,
};

export const HIPAA_SKILL: Skill = {
  id: 'skill-hipaa',
  name: 'HIPAA privacy',
  category: 'regulatory',
  description: null,
  version: 1,
};

export function assessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: 'assessment-1',
    staffId: 'staff-1',
    skillId: ICD10_SKILL.id,
    level: 3,
    assessedOn: '2026-02-01',
    source: 'manager',
    note: null,
    assessedByUserId: 'user-manager',
    recordedAt: '2026-02-01T15:00:00.000Z',
    ...overrides,
  };
}

export function staff(overrides: Partial<Staff> = {}): Staff {
  return {
    id: 'staff-1',
    name: 'Miguel Álvarez',
    email: 'miguel@hospital.test',
    employeeId: 'E10166',
    teamId: 'team-coding',
    roleId: 'role-inpatient-coder',
    status: 'active',
    hireDate: '2020-11-22',
    version: 1,
    ...overrides,
  };
}

/** What a manager of the member's team may do (GET /staff/:id → can). */
export const TEAM_MANAGER_ACTIONS: MemberActions = {
  editProfile: true,
  terminate: true,
  delete: false,
  addCredential: true,
  reportOwnCredential: false,
  verifyCredential: true,
  addAssessment: true,
  addSelfAssessment: false,
  logCe: true,
  approveCeAtOnce: true,
  reviewCe: true,
  uploadEvidence: true,
};

/** One member as GET /staff/:id answers, by default for a manager of their team. */
export function staffDetail(
  overrides: Partial<Staff> = {},
  can: Partial<MemberActions> = {},
): StaffDetail {
  return { ...staff(overrides), can: { ...TEAM_MANAGER_ACTIONS, ...can } };
}

export const INPATIENT_CODER_ROLE: Role = {
  id: 'role-inpatient-coder',
  name: 'Medical coder, inpatient',
  description: null,
  requirements: [
    { kind: 'credential', anyOf: [CCS_TYPE.id, CPC_TYPE.id] },
    { kind: 'skill', skillId: ICD10_SKILL.id, minLevel: 3 },
    { kind: 'skill', skillId: HIPAA_SKILL.id, minLevel: 2 },
  ],
  version: 1,
};

export const CODING_TEAM: Team = {
  id: 'team-coding',
  name: 'Coding',
  managerStaffIds: ['staff-manager'],
  coverageTargets: [],
  version: 1,
};

export const ROI_TEAM: Team = {
  id: 'team-roi',
  name: 'Release of Information',
  managerStaffIds: [],
  coverageTargets: [],
  version: 1,
};
