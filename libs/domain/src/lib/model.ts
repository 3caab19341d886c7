/**
 * Plain data the rules work on. The API loads these from PostgreSQL once per request
 * (no query per member) and hands them to the pure functions of this library.
 */
import type {
  AfterLapseStep,
  AssessmentSource,
  CeMinimum,
  CeReviewStatus,
  IsoDate,
  IsoTimestamp,
  Requirement,
  SkillLevel,
  StaffStatus,
} from '@him/contracts';

export interface DeptSettings {
  /** R4: unverified credentials do not count when true */
  requireVerification: boolean;
  /** R10: warning window in days (also the window of the R2 reassessment-due list) */
  expiryWarningDays: number;
  /** R2: months an assessment counts when its skill sets none; null: assessments never lapse */
  assessmentValidityMonths: number | null;
}

export interface SkillFacts {
  id: string;
  name: string;
  /** R2: months an assessment of this skill counts; null: the department's setting applies */
  reassessMonths: number | null;
}

export interface StaffFacts {
  id: string;
  name: string;
  teamId: string;
  roleId: string;
  status: StaffStatus;
}

export interface RoleFacts {
  id: string;
  requirements: Requirement[];
}

export interface TeamFacts {
  id: string;
  name: string;
  coverageTargets: { requirement: Requirement; minHolders: number }[];
}

export interface CredentialTypeFacts {
  id: string;
  code: string;
  issuingBody: string;
  baseCeus: number;
  evidencesSkills: SkillLevel[];
  /** R12: ids of the types this one supersedes (RHIA supersedes RHIT) */
  supersedes: readonly string[];
}

export interface CredentialFacts {
  id: string;
  staffId: string;
  credentialTypeId: string;
  number: string | null;
  issuedOn: IsoDate;
  expiresOn: IsoDate | null;
  /** the day the revocation takes effect; the credential is not current on or after it */
  revokedOn: IsoDate | null;
  /** a verification is recorded (a flag shown beside the status) */
  verified: boolean;
  /**
   * the day the verification was recorded, null when none: R4 (department setting) and R5
   * (`verifiedOnly`) count a verification on D only when it is dated on or before D
   */
  verifiedOn: IsoDate | null;
}

export interface AssessmentFacts {
  staffId: string;
  skillId: string;
  level: number;
  assessedOn: IsoDate;
  source: AssessmentSource;
  /** when it was recorded; breaks ties between two of the same date and source (R2) */
  recordedAt: IsoTimestamp;
}

export interface CeRuleFacts {
  issuingBody: string;
  cycleMonths: number;
  extraPerAdditional: number;
  cap: number | null;
  minimums: CeMinimum[];
  /** R18: the states that follow an expiry, in order; empty: none */
  afterLapse: readonly AfterLapseStep[];
}

export interface CeActivityFacts {
  id: string;
  staffId: string;
  completedOn: IsoDate;
  hours: number;
  categories: string[];
  credentialIds: string[];
  status: CeReviewStatus;
}

/** Everything the readiness rules (R1 to R10, R17) need for one department or a part of it. */
export interface DepartmentFacts {
  settings: DeptSettings;
  /** R2: the skills' reassessment periods; a skill not listed takes the department's setting */
  skills: SkillFacts[];
  staff: StaffFacts[];
  roles: RoleFacts[];
  teams: TeamFacts[];
  credentialTypes: CredentialTypeFacts[];
  credentials: CredentialFacts[];
  assessments: AssessmentFacts[];
}

/** Everything the CE rules (R11 to R15) need. */
export interface CeFacts {
  settings: DeptSettings;
  staff: StaffFacts[];
  credentialTypes: CredentialTypeFacts[];
  credentials: CredentialFacts[];
  ceRules: CeRuleFacts[];
  activities: CeActivityFacts[];
}
