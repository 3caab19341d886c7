/**
 * The HTTP API's shapes (API.md), shared by the API, the dashboard and the domain rules.
 * Calendar dates are `YYYY-MM-DD` strings, timestamps ISO 8601 with zone, ids UUID strings.
 */

/** A calendar date, `YYYY-MM-DD`, in the department's time zone. */
export type IsoDate = string;
/** An instant, ISO 8601 with zone. */
export type IsoTimestamp = string;

export const USER_ROLES = ['admin', 'manager', 'staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const STAFF_STATUSES = ['active', 'leave', 'terminated'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export const SKILL_CATEGORIES = ['technical', 'regulatory', 'soft'] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

/** 0 none, 1 awareness, 2 working, 3 proficient, 4 expert (can train others). */
export type Proficiency = 0 | 1 | 2 | 3 | 4;
export const PROFICIENCY_LABELS = ['None', 'Awareness', 'Working', 'Proficient', 'Expert'] as const;

export const ASSESSMENT_SOURCES = ['self', 'manager'] as const;
export type AssessmentSource = (typeof ASSESSMENT_SOURCES)[number];

export const VERIFICATION_METHODS = ['primary-source', 'certificate-copy'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export const CE_REVIEW_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type CeReviewStatus = (typeof CE_REVIEW_STATUSES)[number];

export const CE_GROUP_STATUSES = ['met', 'at-risk', 'on-track', 'behind'] as const;
export type CeGroupStatus = (typeof CE_GROUP_STATUSES)[number];

/** A credential's status on a date, as a report or a chip shows it. */
export const CREDENTIAL_STATUSES = ['current', 'expiring', 'expired', 'not-yet-valid', 'revoked'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

export interface SkillRequirement {
  kind: 'skill';
  skillId: string;
  minLevel: number;
}

export interface CredentialRequirement {
  kind: 'credential';
  /** credential type ids; any one current credential of these types meets it */
  anyOf: string[];
}

export type Requirement = SkillRequirement | CredentialRequirement;

export interface Page<T> {
  items: T[];
  total: number;
}

// ---------- auth ----------

export interface LoginRequest {
  email: string;
  password: string;
}

export interface AuthUser {
  id: string;
  email: string;
  role: UserRole;
  staffId: string | null;
  departmentId: string;
}

export interface LoginResponse {
  accessToken: string;
  user: AuthUser;
}

// ---------- resources ----------

export interface Department {
  id: string;
  name: string;
  timeZone: string;
  /** R4: when true, an unverified credential does not count */
  requireVerification: boolean;
  /** R10: warning window in days (default 90) */
  expiryWarningDays: number;
  /** R10: reminder lead times in days before expiry (default 90, 60, 30, 7) */
  reminderLeadDays: number[];
  version: number;
}

export interface Skill {
  id: string;
  name: string;
  category: SkillCategory;
  description: string | null;
  version: number;
}

export interface SkillLevel {
  skillId: string;
  level: number;
}

export interface CredentialType {
  id: string;
  code: string;
  name: string;
  issuingBody: string;
  baseCeus: number;
  evidencesSkills: SkillLevel[];
  version: number;
}

export interface CeMinimum {
  categories: string[];
  hours?: number | null;
  share?: number | null;
}

export interface CeRule {
  id: string;
  issuingBody: string;
  cycleMonths: number;
  extraPerAdditional: number;
  cap: number | null;
  minimums: CeMinimum[];
  version: number;
}

export interface Role {
  id: string;
  name: string;
  description: string | null;
  requirements: Requirement[];
  version: number;
}

export interface CoverageTarget {
  requirement: Requirement;
  minHolders: number;
}

export interface Team {
  id: string;
  name: string;
  managerStaffIds: string[];
  coverageTargets: CoverageTarget[];
  version: number;
}

export interface Staff {
  id: string;
  name: string;
  email: string;
  employeeId: string | null;
  teamId: string;
  roleId: string;
  status: StaffStatus;
  hireDate: IsoDate;
  version: number;
}

export interface Assessment {
  id: string;
  staffId: string;
  skillId: string;
  level: number;
  assessedOn: IsoDate;
  source: AssessmentSource;
  note: string | null;
  assessedByUserId: string | null;
  recordedAt: IsoTimestamp;
}

export interface Verification {
  method: VerificationMethod;
  verifiedOn: IsoDate;
  verifiedByUserId?: string | null;
  note?: string | null;
}

export interface Credential {
  id: string;
  staffId: string;
  credentialTypeId: string;
  number: string | null;
  issuedOn: IsoDate;
  expiresOn: IsoDate | null;
  verification: Verification | null;
  revokedOn: IsoDate | null;
  revokedReason: string | null;
  hasEvidence: boolean;
  version: number;
}

export interface CeActivity {
  id: string;
  staffId: string;
  /** who logged it (the member, or a manager logging for them) */
  createdByUserId: string | null;
  title: string;
  provider: string;
  completedOn: IsoDate;
  hours: number;
  categories: string[];
  credentialIds: string[];
  status: CeReviewStatus;
  reviewNote: string | null;
  reviewedByUserId: string | null;
  reviewedAt: IsoTimestamp | null;
  hasEvidence: boolean;
  version: number;
}

export interface User {
  id: string;
  email: string;
  role: UserRole;
  staffId: string | null;
  active: boolean;
  version: number;
}

export interface AuditEvent {
  id: string;
  at: IsoTimestamp;
  userId: string | null;
  userEmail: string | null;
  action: 'create' | 'update' | 'delete' | 'revoke' | 'review' | 'login';
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  note: string | null;
}

/** An entry of the review queue (`GET /ce-activities?status=submitted`). */
export interface CeActivityQueueItem extends CeActivity {
  staffName: string;
  teamId: string;
}

// ---------- analysis ----------

export interface TargetsMet {
  met: number;
  total: number;
}

/** R8 figures; a figure whose denominator is 0 is null. */
export interface Figures {
  staffReadyPct: number | null;
  requirementsMetPct: number | null;
  targetsMet: TargetsMet;
}

export interface TeamFigures extends Figures {
  teamId: string;
  name: string;
  activeStaff: number;
}

export interface MemberReadiness {
  staffId: string;
  name: string;
  teamId: string;
  roleId: string;
  met: number;
  total: number;
  ready: boolean;
  missing: Requirement[];
}

export interface TargetCoverage {
  teamId: string;
  requirement: Requirement;
  minHolders: number;
  holders: number;
  /** staff ids of the holders */
  holderIds: string[];
  gap: number;
  singlePointOfFailure: boolean;
}

export interface SinglePointOfFailure {
  teamId: string;
  requirement: Requirement;
  staffId: string;
}

export interface ForecastPoint extends Figures {
  days: number;
  date: IsoDate;
  /** credentials current on asOf that are no longer current on this date (R9 "who will have lapsed") */
  lapsed: LapsedCredential[];
}

export interface LapsedCredential {
  staffId: string;
  credentialId: string;
  credentialTypeId: string;
  expiresOn: IsoDate;
}

export interface ReadinessResponse extends Figures {
  asOf: IsoDate;
  teams: TeamFigures[];
  members: MemberReadiness[];
  /** active members are above; staff on leave are listed separately (R1) */
  onLeave: { staffId: string; name: string; teamId: string; roleId: string }[];
  targets: TargetCoverage[];
  singlePointsOfFailure: SinglePointOfFailure[];
  forecast: ForecastPoint[];
}

export interface SkillsMatrixCell {
  skillId: string;
  level: number;
  /** level the member's role requires, null when the role has no requirement for this skill */
  requiredLevel: number | null;
  /** where the level came from */
  source: 'assessment-manager' | 'assessment-self' | 'credential' | 'none';
}

export interface SkillsMatrixRow {
  staffId: string;
  name: string;
  teamId: string;
  roleId: string;
  status: StaffStatus;
  cells: SkillsMatrixCell[];
}

export interface SkillsMatrixResponse {
  asOf: IsoDate;
  skills: { id: string; name: string; category: SkillCategory }[];
  rows: SkillsMatrixRow[];
}

export interface CeMinimumStatus {
  categories: string[];
  requiredHours: number;
  earnedHours: number;
  met: boolean;
}

export interface CeGroup {
  staffId: string;
  issuingBody: string;
  credentialIds: string[];
  credentialTypeCodes: string[];
  cycleStart: IsoDate;
  cycleEnd: IsoDate;
  required: number;
  earned: number;
  pending: number;
  remaining: number;
  pace: number;
  status: CeGroupStatus;
  minimums: CeMinimumStatus[];
  /** ids of the approved activities counted (R13) */
  countedActivityIds: string[];
}

export interface Expiration {
  credentialId: string;
  staffId: string;
  staffName: string;
  teamId: string;
  credentialTypeId: string;
  credentialTypeCode: string;
  number: string | null;
  expiresOn: IsoDate;
  daysLeft: number;
  verified: boolean;
}

export interface HealthResponse {
  status: 'ok';
  database: 'up' | 'down';
  version: string;
}
