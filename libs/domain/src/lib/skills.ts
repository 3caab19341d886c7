import type { IsoDate, SkillsMatrixCell } from '@him/contracts';
import { isCredentialCurrent } from './credentials';
import type { AssessmentFacts, CredentialFacts, CredentialTypeFacts, DeptSettings } from './model';

export type SkillLevelSource = SkillsMatrixCell['source'];

/** R2: a member's level in one skill on a date, and where it came from. */
export interface SkillLevelOn {
  level: number;
  source: SkillLevelSource;
}

const NO_LEVEL: SkillLevelOn = Object.freeze({ level: 0, source: 'none' }) as SkillLevelOn;

/** Credential types by id; pass an array and it is indexed once. */
export type CredentialTypeIndex = ReadonlyMap<string, CredentialTypeFacts>;

export function indexCredentialTypes(
  types: readonly CredentialTypeFacts[] | CredentialTypeIndex,
): CredentialTypeIndex {
  if (!Array.isArray(types)) return types as CredentialTypeIndex;
  return new Map((types as readonly CredentialTypeFacts[]).map((t) => [t.id, t]));
}

function recordedAtMs(assessment: AssessmentFacts): number {
  const ms = Date.parse(assessment.recordedAt);
  return Number.isNaN(ms) ? -Infinity : ms;
}

/**
 * R2 precedence between two assessments of one skill: the later assessedOn wins; on the same
 * date a manager's outranks a self-assessment; same date and source, the one recorded later.
 */
export function assessmentOutranks(a: AssessmentFacts, b: AssessmentFacts): boolean {
  if (a.assessedOn !== b.assessedOn) return a.assessedOn > b.assessedOn;
  if (a.source !== b.source) return a.source === 'manager';
  return recordedAtMs(a) > recordedAtMs(b);
}

/**
 * The latest assessment per skill dated on or before `cutoff`, in one pass over one member's
 * assessments. The latest wins even when it is lower than an older one (a manager can lower a
 * level).
 */
export function latestAssessmentsOn(
  assessments: readonly AssessmentFacts[],
  cutoff: IsoDate,
): Map<string, AssessmentFacts> {
  const latest = new Map<string, AssessmentFacts>();
  for (const assessment of assessments) {
    if (assessment.assessedOn > cutoff) continue;
    const current = latest.get(assessment.skillId);
    if (current === undefined || assessmentOutranks(assessment, current)) {
      latest.set(assessment.skillId, assessment);
    }
  }
  return latest;
}

/** What one member can show on one date: the basis of R2, R3 and R5. */
export interface MemberEvidence {
  readonly on: IsoDate;
  /** type ids of the member's credentials current on `on` (R4, R5) */
  readonly currentCredentialTypeIds: readonly string[];
  /** R5: holds a credential of this type current on `on` */
  holdsCredentialType(credentialTypeId: string): boolean;
  /** R2 level in a skill on `on`, and its source */
  levelOf(skillId: string): SkillLevelOn;
  /** R2 level in a skill on `on` (levelOf without the source, allocation-free for bulk use) */
  skillLevel(skillId: string): number;
}

export interface EvidenceOptions {
  /**
   * R9 knowledge cut: use only assessments dated on or before it and credentials issued on or
   * before it (nobody renews, earns or is assessed after it). Defaults to `on`.
   */
  knownAsOf?: IsoDate;
}

const NONE: readonly never[] = [];

/**
 * A class over small arrays rather than a closure over Maps and Sets: the bulk rules build one
 * per member per date, and a member holds a handful of credentials.
 */
class Evidence implements MemberEvidence {
  constructor(
    readonly on: IsoDate,
    private readonly latest: ReadonlyMap<string, AssessmentFacts>,
    readonly currentCredentialTypeIds: readonly string[],
    private readonly evidencingTypes: readonly CredentialTypeFacts[],
  ) {}

  holdsCredentialType(credentialTypeId: string): boolean {
    return this.currentCredentialTypeIds.includes(credentialTypeId);
  }

  /** The highest level evidenced by a current credential, -1 when none evidences the skill. */
  private credentialLevel(skillId: string): number {
    let best = -1;
    for (const type of this.evidencingTypes) {
      for (const evidenced of type.evidencesSkills) {
        if (evidenced.skillId === skillId && evidenced.level > best) best = evidenced.level;
      }
    }
    return best;
  }

  skillLevel(skillId: string): number {
    const assessed = this.latest.get(skillId);
    const evidenced = this.evidencingTypes.length === 0 ? -1 : this.credentialLevel(skillId);
    if (assessed === undefined) return evidenced < 0 ? 0 : evidenced;
    return evidenced > assessed.level ? evidenced : assessed.level;
  }

  levelOf(skillId: string): SkillLevelOn {
    const assessed = this.latest.get(skillId);
    const evidenced = this.credentialLevel(skillId);
    // On a tie the assessment is named as the source: it is the more specific record.
    if (assessed !== undefined && assessed.level >= evidenced) {
      return {
        level: assessed.level,
        source: assessed.source === 'manager' ? 'assessment-manager' : 'assessment-self',
      };
    }
    if (evidenced >= 0) return { level: evidenced, source: 'credential' };
    return NO_LEVEL;
  }
}

/**
 * Builds a member's evidence on `on` from the assessments already reduced to the latest per
 * skill (see latestAssessmentsOn) and the member's credentials. Used by the bulk rules, which
 * reduce assessments once per knowledge cut instead of once per date.
 */
export function evidenceFromLatest(
  on: IsoDate,
  latest: ReadonlyMap<string, AssessmentFacts>,
  credentials: readonly CredentialFacts[],
  credentialTypes: CredentialTypeIndex,
  settings: Pick<DeptSettings, 'requireVerification'>,
  knownAsOf: IsoDate = on,
): MemberEvidence {
  let typeIds: string[] | undefined;
  let evidencingTypes: CredentialTypeFacts[] | undefined;
  for (const credential of credentials) {
    if (credential.issuedOn > knownAsOf || !isCredentialCurrent(credential, on, settings)) continue;
    (typeIds ??= []).push(credential.credentialTypeId);
    const type = credentialTypes.get(credential.credentialTypeId);
    if (type !== undefined && type.evidencesSkills.length > 0) (evidencingTypes ??= []).push(type);
  }
  return new Evidence(on, latest, typeIds ?? NONE, evidencingTypes ?? NONE);
}

/** One member's records: pass only that member's assessments and credentials. */
export interface MemberRecords {
  assessments: readonly AssessmentFacts[];
  credentials: readonly CredentialFacts[];
}

/** A member's evidence on `on` (R2, R4, R5), optionally with an R9 knowledge cut. */
export function memberEvidenceOn(
  records: MemberRecords,
  credentialTypes: readonly CredentialTypeFacts[] | CredentialTypeIndex,
  on: IsoDate,
  settings: Pick<DeptSettings, 'requireVerification'>,
  options: EvidenceOptions = {},
): MemberEvidence {
  const knownAsOf = options.knownAsOf ?? on;
  const cutoff = knownAsOf < on ? knownAsOf : on;
  return evidenceFromLatest(
    on,
    latestAssessmentsOn(records.assessments, cutoff),
    records.credentials,
    indexCredentialTypes(credentialTypes),
    settings,
    knownAsOf,
  );
}

/**
 * R2 skill level on `on`: the highest of the latest assessment of the skill dated on or before
 * `on` and the level evidenced by any credential current on `on` (R4) whose type evidences it.
 */
export function skillLevelOn(
  skillId: string,
  records: MemberRecords,
  credentialTypes: readonly CredentialTypeFacts[] | CredentialTypeIndex,
  on: IsoDate,
  settings: Pick<DeptSettings, 'requireVerification'>,
  options: EvidenceOptions = {},
): SkillLevelOn {
  return memberEvidenceOn(records, credentialTypes, on, settings, options).levelOf(skillId);
}
