/**
 * The bodies the API accepts (API.md): the dashboard sends these shapes, and the API's DTO
 * classes `implements` them (adding the validation), so the two cannot drift apart.
 */
import type {
  AfterLapseStep,
  AssessmentSource,
  CeMinimum,
  CoverageTarget,
  IsoDate,
  Requirement,
  SkillCategory,
  SkillLevel,
  StaffStatus,
  UserRole,
  VerificationMethod,
} from './api';

/** What every PATCH carries: the version read (a stale one answers 409) and why (audit trail). */
export interface VersionedChange {
  version: number;
  /** why (kept in the audit trail) */
  note?: string;
}

/** A PATCH of a resource created with `T`: any of its fields, with the version read. */
export type Change<T> = Partial<T> & VersionedChange;

// ---------- catalog ----------

export interface CreateSkillRequest {
  name: string;
  category: SkillCategory;
  description?: string | null;
  /** R2: months an assessment of this skill counts; null (default): the department's setting */
  reassessMonths?: number | null;
}
export type UpdateSkillRequest = Change<CreateSkillRequest>;

export interface CreateCredentialTypeRequest {
  code: string;
  name: string;
  issuingBody: string;
  baseCeus: number;
  evidencesSkills: SkillLevel[];
  /** R12: ids of the department's credential types this one supersedes (default none) */
  supersedes?: string[];
}
export type UpdateCredentialTypeRequest = Change<CreateCredentialTypeRequest>;

/** `PATCH /ce-rules/:issuingBody`: the issuing body is the key and cannot change. */
export interface CreateCeRuleRequest {
  issuingBody: string;
  cycleMonths: number;
  extraPerAdditional: number;
  cap?: number | null;
  minimums: CeMinimum[];
  /** R18: the states after an expiry; default: credentials.md's for the body (none if unknown) */
  afterLapse?: AfterLapseStep[];
}
export type UpdateCeRuleRequest = Change<CreateCeRuleRequest>;

export interface CreateRoleRequest {
  name: string;
  description?: string | null;
  requirements: Requirement[];
}
export type UpdateRoleRequest = Change<CreateRoleRequest>;

export interface CreateTeamRequest {
  name: string;
  managerStaffIds?: string[];
  coverageTargets: CoverageTarget[];
}
export type UpdateTeamRequest = Change<CreateTeamRequest>;

// ---------- people ----------

export interface CreateStaffRequest {
  name: string;
  email: string;
  employeeId?: string | null;
  teamId: string;
  roleId: string;
  status: StaffStatus;
  hireDate: IsoDate;
}
export type UpdateStaffRequest = Change<CreateStaffRequest>;

export interface CreateUserRequest {
  email: string;
  role: UserRole;
  staffId?: string | null;
  password: string;
}

/** The email of an account does not change; the password only when given. */
export type UpdateUserRequest = Change<Omit<CreateUserRequest, 'email'> & { active: boolean }>;

export interface UpdateDepartmentRequest extends VersionedChange {
  name?: string;
  timeZone?: string;
  requireVerification?: boolean;
  expiryWarningDays?: number;
  reminderLeadDays?: number[];
  /** R2: months an assessment counts when its skill sets none; null: assessments never lapse */
  assessmentValidityMonths?: number | null;
  /** a first sign-in through the identity provider may create an account */
  ssoCreateAccounts?: boolean;
  /** false: only the break-glass admin may sign in with a password (single sign-on must be configured) */
  passwordSignIn?: boolean;
  /** an active admin account of the department; null: none */
  breakGlassUserId?: string | null;
  /** staff may add a credential they newly earned (stored unverified); false: managers add them */
  staffMayAddCredentials?: boolean;
}

// ---------- signing in ----------

/** `POST /auth/oidc/complete`: the one-time ticket of the provider's redirect. */
export interface SingleSignOnCompleteRequest {
  ticket: string;
}

/** `POST /auth/password-reset`: send a one-time link to this address, if it has an account. */
export interface PasswordResetRequest {
  email: string;
}

/** `POST /auth/password-reset/complete`: the link's token and the new password. */
export interface PasswordResetCompleteRequest {
  token: string;
  password: string;
}

// ---------- records of a member ----------

export interface VerificationRequest {
  method: VerificationMethod;
  /** not in the future; the verifier is the caller */
  verifiedOn: IsoDate;
  note?: string | null;
  /** the source checked: a lookup URL or the issuing body's confirmation number (1 to 500 characters) */
  reference?: string | null;
}

export interface CreateCredentialRequest {
  credentialTypeId: string;
  number?: string | null;
  issuedOn: IsoDate;
  expiresOn?: IsoDate | null;
  verification?: VerificationRequest | null;
}

/**
 * `POST /staff/{staffId}/credentials/self-reported`: a member adds a credential they newly
 * earned; it is stored unverified, for a manager to verify.
 */
export type SelfReportedCredentialRequest = Omit<CreateCredentialRequest, 'verification'>;

/** The type of a credential does not change; null clears number, expiry or verification. */
export type UpdateCredentialRequest = Change<Omit<CreateCredentialRequest, 'credentialTypeId'>>;

export interface CreateAssessmentRequest {
  skillId: string;
  level: number;
  assessedOn: IsoDate;
  source: AssessmentSource;
  note?: string | null;
}

export interface CreateCeActivityRequest {
  title: string;
  provider: string;
  completedOn: IsoDate;
  hours: number;
  categories?: string[];
  credentialIds?: string[];
  /** omit for `submitted`; `approved` at once only by a reviewer of the member's team */
  status?: 'approved';
}

export type UpdateCeActivityRequest = Change<Omit<CreateCeActivityRequest, 'status'>>;

export const CE_REVIEW_DECISIONS = ['approved', 'rejected'] as const;
export type CeReviewDecision = (typeof CE_REVIEW_DECISIONS)[number];

/** `POST /ce-activities/:id/review`. */
export interface ReviewCeActivityRequest {
  status: CeReviewDecision;
  /** kept on the activity as reviewNote and in the audit trail */
  note?: string;
  version: number;
}

// ---------- analysis ----------

/** `GET /readiness` query (API.md): asOf, one team, a survey day, the summary form and its pages. */
export interface ReadinessRequest {
  asOf?: string;
  teamId?: string;
  surveyDate?: string;
  /** `managed`: only the teams the caller manages (a manager's own teams; every team for an admin) */
  teams?: 'managed';
  view?: 'full' | 'summary';
  /** more days whose figures come with the summary (comma-separated; at most 4) */
  compare?: string;
  members?: 'all' | 'ready' | 'not-ready';
  limit?: number;
  offset?: number;
}

/** `GET /readiness/snapshots`: the recorded days from `from` through `to` (the department's days). */
export interface ReadinessSnapshotsRequest {
  /** default: 89 days before `to` (90 days in all) */
  from?: string;
  /** default: today in the department's time zone */
  to?: string;
  teamId?: string;
  teams?: 'managed';
}
