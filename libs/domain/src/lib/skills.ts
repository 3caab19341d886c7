import type { IsoDate, SkillsMatrixCell } from '@him/contracts';
import { isCredentialCurrent, isVerifiedOn } from './credentials';
import { addMonthsClamped } from './dates';
import type {
  AssessmentFacts,
  CredentialFacts,
  CredentialTypeFacts,
  DeptSettings,
  SkillFacts,
} from './model';

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

/**
 * R2 lapse: an assessment dated `assessedOn` counts through assessedOn + `months` months,
 * clamped to the last day of that month when it has no such day (as R11); null months: it
 * never lapses. Returns that last day, or null.
 */
export function assessmentCountsThrough(
  assessedOn: IsoDate,
  months: number | null,
): IsoDate | null {
  return months === null ? null : addMonthsClamped(assessedOn, months);
}

/** R2 lapse periods of a department: per skill, else the department's setting, else none. */
export interface AssessmentValidity {
  /** months an assessment of the skill counts; null: it never lapses */
  monthsFor(skillId: string): number | null;
  /** the last day the assessment counts (assessmentCountsThrough); null: it never lapses */
  countsThrough(assessment: Pick<AssessmentFacts, 'skillId' | 'assessedOn'>): IsoDate | null;
  /** does the assessment count on `on` (assessed on or before it and not lapsed)? */
  countsOn(assessment: Pick<AssessmentFacts, 'skillId' | 'assessedOn'>, on: IsoDate): boolean;
}

/**
 * The R2 lapse periods: a skill's `reassessMonths`, else the department's
 * `assessmentValidityMonths`, else never. Lapse dates are memoised per assessment: the bulk rules
 * ask for the same one on every date they evaluate.
 */
export function assessmentValidity(
  skills: readonly Pick<SkillFacts, 'id' | 'reassessMonths'>[],
  settings: Pick<DeptSettings, 'assessmentValidityMonths'>,
): AssessmentValidity {
  const fallback = settings.assessmentValidityMonths ?? null;
  const bySkill = new Map<string, number | null>();
  for (const skill of skills) bySkill.set(skill.id, skill.reassessMonths ?? fallback);
  const lapses = fallback !== null || [...bySkill.values()].some((months) => months !== null);
  const memo = new Map<Pick<AssessmentFacts, 'skillId' | 'assessedOn'>, IsoDate | null>();
  const monthsFor = (skillId: string): number | null => {
    const months = bySkill.get(skillId);
    return months === undefined ? fallback : months;
  };
  const countsThrough = (assessment: Pick<AssessmentFacts, 'skillId' | 'assessedOn'>) => {
    if (!lapses) return null;
    let through = memo.get(assessment);
    if (through === undefined) {
      through = assessmentCountsThrough(assessment.assessedOn, monthsFor(assessment.skillId));
      memo.set(assessment, through);
    }
    return through;
  };
  return {
    monthsFor,
    countsThrough,
    countsOn(assessment, on) {
      if (assessment.assessedOn > on) return false;
      const through = countsThrough(assessment);
      return through === null || on <= through;
    },
  };
}

/** No assessment lapses (a department and skills without reassessment periods). */
export const NEVER_LAPSE: AssessmentValidity = assessmentValidity([], {
  assessmentValidityMonths: null,
});

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
  /** R5 `verifiedOnly`: holds one current on `on` with a verification recorded on or before it */
  holdsVerifiedCredentialType(credentialTypeId: string): boolean;
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
  /** R2 lapse periods (see assessmentValidity); default: assessments never lapse */
  validity?: AssessmentValidity;
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
    private readonly validity: AssessmentValidity,
    readonly currentCredentialTypeIds: readonly string[],
    private readonly verifiedCredentialTypeIds: readonly string[],
    private readonly evidencingTypes: readonly CredentialTypeFacts[],
  ) {}

  holdsCredentialType(credentialTypeId: string): boolean {
    return this.currentCredentialTypeIds.includes(credentialTypeId);
  }

  holdsVerifiedCredentialType(credentialTypeId: string): boolean {
    return this.verifiedCredentialTypeIds.includes(credentialTypeId);
  }

  /**
   * R2: the latest assessment of the skill while it counts; once it has lapsed the assessed
   * level is 0 (undefined here): an older assessment never revives.
   */
  private assessed(skillId: string): AssessmentFacts | undefined {
    const latest = this.latest.get(skillId);
    if (latest === undefined || this.validity.countsOn(latest, this.on)) return latest;
    return undefined;
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
    const assessed = this.assessed(skillId);
    const evidenced = this.evidencingTypes.length === 0 ? -1 : this.credentialLevel(skillId);
    if (assessed === undefined) return evidenced < 0 ? 0 : evidenced;
    return evidenced > assessed.level ? evidenced : assessed.level;
  }

  levelOf(skillId: string): SkillLevelOn {
    const assessed = this.assessed(skillId);
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
 * reduce assessments once per knowledge cut instead of once per date; the R2 lapse is applied
 * here, on `on`.
 */
export function evidenceFromLatest(
  on: IsoDate,
  latest: ReadonlyMap<string, AssessmentFacts>,
  credentials: readonly CredentialFacts[],
  credentialTypes: CredentialTypeIndex,
  settings: Pick<DeptSettings, 'requireVerification'>,
  knownAsOf: IsoDate = on,
  validity: AssessmentValidity = NEVER_LAPSE,
): MemberEvidence {
  const verifiedBy = knownAsOf < on ? knownAsOf : on;
  let typeIds: string[] | undefined;
  let verifiedTypeIds: string[] | undefined;
  let evidencingTypes: CredentialTypeFacts[] | undefined;
  for (const credential of credentials) {
    if (!isCredentialCurrent(credential, on, settings, knownAsOf)) continue;
    (typeIds ??= []).push(credential.credentialTypeId);
    if (isVerifiedOn(credential, verifiedBy)) {
      (verifiedTypeIds ??= []).push(credential.credentialTypeId);
    }
    const type = credentialTypes.get(credential.credentialTypeId);
    if (type !== undefined && type.evidencesSkills.length > 0) (evidencingTypes ??= []).push(type);
  }
  return new Evidence(
    on,
    latest,
    validity,
    typeIds ?? NONE,
    verifiedTypeIds ?? NONE,
    evidencingTypes ?? NONE,
  );
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
    options.validity,
  );
}

/**
 * R2 skill level on `on`: the highest of the latest assessment of the skill dated on or before
 * `on`, while it counts (options.validity: it lapses after its skill's or the department's
 * period), and the level evidenced by any credential current on `on` (R4) whose type evidences it.
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
