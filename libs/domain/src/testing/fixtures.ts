/** Builders for the rule tests: fixed ids, fixed dates, nothing from the clock. */
import type { Requirement } from '@him/contracts';
import type {
  AssessmentFacts,
  CeActivityFacts,
  CeRuleFacts,
  CredentialFacts,
  CredentialTypeFacts,
  DeptSettings,
  SkillFacts,
  StaffFacts,
} from '../lib/model';
import { DEFAULT_AFTER_LAPSE } from '../lib/after-lapse';

export const SETTINGS: DeptSettings = {
  requireVerification: false,
  expiryWarningDays: 90,
  assessmentValidityMonths: null,
};
export const STRICT: DeptSettings = { ...SETTINGS, requireVerification: true };

export function member(id: string, overrides: Partial<StaffFacts> = {}): StaffFacts {
  return { id, name: id, teamId: 'team', roleId: 'role', status: 'active', ...overrides };
}

export function credential(
  id: string,
  staffId: string,
  credentialTypeId: string,
  overrides: Partial<CredentialFacts> = {},
): CredentialFacts {
  const issuedOn = overrides.issuedOn ?? '2020-01-01';
  const verified = overrides.verified ?? overrides.verifiedOn !== null;
  return {
    id,
    staffId,
    credentialTypeId,
    number: null,
    issuedOn,
    expiresOn: null,
    revokedOn: null,
    ...overrides,
    verified,
    // verified on the issue date unless the test says otherwise
    verifiedOn:
      overrides.verifiedOn !== undefined ? overrides.verifiedOn : verified ? issuedOn : null,
  };
}

export function assessment(
  staffId: string,
  skillId: string,
  level: number,
  assessedOn: string,
  source: 'self' | 'manager' = 'manager',
  recordedAt = `${assessedOn}T12:00:00Z`,
): AssessmentFacts {
  return { staffId, skillId, level, assessedOn, source, recordedAt };
}

export function skillReq(skillId: string, minLevel: number): Requirement {
  return { kind: 'skill', skillId, minLevel };
}

export function credReq(...anyOf: string[]): Requirement {
  return { kind: 'credential', anyOf };
}

/** R5: a credential group that only a verified credential meets. */
export function verifiedReq(...anyOf: string[]): Requirement {
  return { kind: 'credential', anyOf, verifiedOnly: true };
}

export function type(
  id: string,
  issuingBody: string,
  baseCeus: number,
  evidencesSkills: { skillId: string; level: number }[] = [],
  supersedes: string[] = [],
): CredentialTypeFacts {
  return { id, code: id, issuingBody, baseCeus, evidencesSkills, supersedes };
}

export function skill(id: string, reassessMonths: number | null = null): SkillFacts {
  return { id, name: id, reassessMonths };
}

/** The default catalog of credentials.md (codes double as ids). */
export const CE_TYPES: CredentialTypeFacts[] = [
  type('RHIA', 'AHIMA', 30, [], ['RHIT']),
  type('CHDA', 'AHIMA', 30),
  type('CDIP', 'AHIMA', 30),
  type('CHPS', 'AHIMA', 30),
  type('RHIT', 'AHIMA', 20),
  type('CCS', 'AHIMA', 20),
  type('CCS-P', 'AHIMA', 20),
  type('CCA', 'AHIMA', 20),
  type('CPC', 'AAPC', 36),
  type('COC', 'AAPC', 36),
  type('CRC', 'AAPC', 36),
  type('CPB', 'AAPC', 36),
  type('CPMA', 'AAPC', 36),
  type('CPPM', 'AAPC', 36),
  type('ODS', 'NCRA', 20),
  type('CCDS', 'ACDIS', 30),
];

export const CE_RULES: CeRuleFacts[] = [
  {
    issuingBody: 'AHIMA',
    cycleMonths: 24,
    extraPerAdditional: 10,
    cap: 50,
    minimums: [
      { categories: ['hiim-domain'], share: 0.8 },
      { categories: ['ahima-provided'], share: 0.4 },
    ],
    afterLapse: DEFAULT_AFTER_LAPSE['AHIMA'],
  },
  {
    issuingBody: 'AAPC',
    cycleMonths: 24,
    extraPerAdditional: 4,
    cap: 52,
    minimums: [],
    afterLapse: DEFAULT_AFTER_LAPSE['AAPC'],
  },
  {
    issuingBody: 'NCRA',
    cycleMonths: 24,
    extraPerAdditional: 0,
    cap: null,
    minimums: [{ categories: ['ctr-category-a'], hours: 4 }],
    afterLapse: DEFAULT_AFTER_LAPSE['NCRA'],
  },
];

let activitySequence = 0;

export function activity(
  staffId: string,
  completedOn: string,
  hours: number,
  overrides: Partial<CeActivityFacts> = {},
): CeActivityFacts {
  activitySequence += 1;
  return {
    id: `act-${activitySequence}`,
    staffId,
    completedOn,
    hours,
    categories: [],
    credentialIds: [],
    status: 'approved',
    ...overrides,
  };
}
