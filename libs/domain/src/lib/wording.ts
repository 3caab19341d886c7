/**
 * The field's words for the figures and records the rules work on: hours, days, percentages,
 * proficiency levels, requirements, CE categories and minimums, verification methods and
 * statuses. One module decides how each reads, and the dashboard, the compliance reports and
 * the calendar feeds all ask it, so a surveyor, a director and a calendar read the same words.
 *
 * Phrases (`...InWords`) are lower case, to sit inside a sentence or a report cell; labels
 * (`...Label`) start with a capital, for a chip or a heading. Pure: no I/O, no clock.
 */
import {
  PROFICIENCY_LABELS,
  type AfterLapseState,
  type AfterLapseStep,
  type ReassessmentDue,
  type CeGroupStatus,
  type CeMinimum,
  type CeMinimumStatus,
  type CoverageTarget,
  type CredentialStatus,
  type Requirement,
  type StaffStatus,
  type VerificationMethod,
} from '@him/contracts';

/** What shows where a number is missing (R8: a figure whose denominator is 0). */
export const NO_FIGURE = '—';

// ---------- numbers ----------

/** Hours as people write them: 16, 3.5, 14.96 (at most two decimals, no trailing zeros, no float noise). */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return NO_FIGURE;
  return String(Math.round(hours * 100) / 100);
}

/** "1 hour", "3.5 hours". */
export function hoursText(hours: number): string {
  return `${formatHours(hours)} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** A count and its noun, which takes an s in the plural: "1 month", "3 months", "0 staff members". */
export function countText(count: number, noun: string): string {
  return `${count} ${Math.abs(count) === 1 ? noun : `${noun}s`}`;
}

/** "1 day", "12 days". */
export function daysText(days: number): string {
  return countText(days, 'day');
}

/** A fraction as a percentage to one decimal: 0.625 as "62.5%", null as "n/a" (R8). */
export function percentInWords(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return 'n/a';
  return `${Math.round(fraction * 1000) / 10}%`;
}

/**
 * A figure in [0, 1] as a whole percentage, for a headline. R8 figures are exact and rounded
 * only for display; the rounding never shows 100% for "not everyone" or 0% for "someone",
 * because a director reads those two numbers as absolute.
 */
export function wholePercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return NO_FIGURE;
  let percent = Math.round(fraction * 100);
  if (percent === 100 && fraction < 1) percent = 99;
  else if (percent === 0 && fraction > 0) return '<1%';
  return `${percent}%`;
}

// ---------- words ----------

/** "Denise Carter", "Denise Carter or Ana Ruiz", "A, B or C"; "" for none. */
export function namesWithOr(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Whom a member asks to add a credential where managers add them: "Denise Carter (your team's
 * manager)", "A or B (your team's managers)", the department's admin when the team has none.
 */
export function credentialAddersInWords(managerNames: readonly string[]): string {
  if (managerNames.length === 0) return "your department's admin";
  const managers = managerNames.length === 1 ? 'manager' : 'managers';
  return `${namesWithOr(managerNames)} (your team's ${managers})`;
}

/** "at risk" as a label: "At risk". */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A slug such as `coding-update` as words: "Coding update". */
export function humanizeSlug(slug: string): string {
  return sentenceCase(slug.replace(/[-_]+/g, ' ').trim());
}

// ---------- proficiency ----------

/** "Proficient"; a level outside 0 to 4 as "level 7". */
export function levelName(level: number): string {
  return PROFICIENCY_LABELS[level] ?? `level ${level}`;
}

/** "Proficient (3)". */
export function levelInWords(level: number): string {
  return `${levelName(level)} (${level})`;
}

// ---------- requirements ----------

/** Names for the ids inside a requirement, so people read "CCS or CPC", not UUIDs. */
export interface RequirementNames {
  skillNames: ReadonlyMap<string, string>;
  credentialTypeCodes: ReadonlyMap<string, string>;
}

export interface RequirementWordsOptions {
  /**
   * How the level reads: `name` "at Proficient", `number` "at Proficient (3)",
   * `or-above` "at Proficient (3) or above" (default `number`).
   */
  level?: 'name' | 'number' | 'or-above';
  /** "CCS or CPC credential" rather than "CCS or CPC" (default false) */
  credentialNoun?: boolean;
}

/**
 * A requirement as a person reads it: "ICD-10-CM coding at Proficient (3)", "CCS or CPC".
 * An id missing from `names` reads as its first eight characters ("Skill 0f9a1c2e").
 */
export function requirementInWords(
  requirement: Requirement,
  names: RequirementNames,
  options: RequirementWordsOptions = {},
): string {
  if (requirement.kind === 'skill') {
    const skill =
      names.skillNames.get(requirement.skillId) ?? `Skill ${shortId(requirement.skillId)}`;
    const level = options.level ?? 'number';
    const words =
      level === 'name' ? levelName(requirement.minLevel) : levelInWords(requirement.minLevel);
    return `${skill} at ${words}${level === 'or-above' ? ' or above' : ''}`;
  }
  if (requirement.anyOf.length === 0) return 'no credential type (cannot be met)';
  const codes = requirement.anyOf
    .map((typeId) => names.credentialTypeCodes.get(typeId) ?? `credential type ${shortId(typeId)}`)
    .join(' or ');
  const named = options.credentialNoun ? `${codes} credential` : codes;
  // R5: only a credential verified with the issuing body meets it
  return requirement.verifiedOnly === true ? `${named}, verified` : named;
}

/** A requirement as a list or chip names it: "ICD-10-CM coding at Proficient (3) or above", "CCS or CPC credential". */
export function requirementLabel(requirement: Requirement, names: RequirementNames): string {
  return requirementInWords(requirement, names, { level: 'or-above', credentialNoun: true });
}

/** A coverage target (R7): "≥ 2 holding CCS or CPC". */
export function coverageTargetInWords(
  target: CoverageTarget,
  names: RequirementNames,
  options: RequirementWordsOptions = { level: 'name' },
): string {
  return `≥ ${target.minHolders} holding ${requirementInWords(target.requirement, names, options)}`;
}

function shortId(id: string): string {
  return id.slice(0, 8);
}

// ---------- continuing education ----------

/** Names for the categories of the default CE rules (credentials.md); others read as their slug. */
const CE_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  'hiim-domain': 'HIIM domains',
  'ahima-provided': 'AHIMA or component association provided',
  'ctr-category-a': 'ODS Category A',
};

/** A CE category slug in words: `hiim-domain` → "HIIM domains", `coding-update` → "Coding update". */
export function ceCategoryLabel(slug: string): string {
  return CE_CATEGORY_LABELS[slug] ?? humanizeSlug(slug);
}

/** "HIIM domain or Coding". */
export function ceCategoriesInWords(categories: readonly string[]): string {
  return categories.map(ceCategoryLabel).join(' or ');
}

/** A CE rule's minimum (R14): "80% from HIIM domains", "4 hours from ODS Category A or Coding". */
export function ceMinimumInWords(minimum: CeMinimum): string {
  const from = ceCategoriesInWords(minimum.categories);
  if (minimum.share != null) return `${percentInWords(minimum.share)} from ${from}`;
  if (minimum.hours != null) return `${hoursText(minimum.hours)} from ${from}`;
  return `from ${from}`;
}

/** How much a minimum asks (R14): "at least 4 hours", "at least 80% of required hours". */
export function ceMinimumAmountInWords(minimum: CeMinimum): string {
  if (minimum.hours != null) return `at least ${hoursText(minimum.hours)}`;
  if (minimum.share != null) return `at least ${percentInWords(minimum.share)} of required hours`;
  return 'a minimum';
}

/** A minimum's progress on D (R14): "HIIM domains: 3.5 of 16 h, not met". */
export function ceMinimumStatusInWords(minimum: CeMinimumStatus): string {
  const hours = `${formatHours(minimum.earnedHours)} of ${formatHours(minimum.requiredHours)} h`;
  return `${ceCategoriesInWords(minimum.categories)}: ${hours}, ${minimum.met ? 'met' : 'not met'}`;
}

/**
 * R15 pace explained: the hours a steady pace would have earned by D, "12.3 h expected by
 * 2026-05-01" (or "by today"), so "Pace 12.3" is not a bare number.
 */
export function paceInWords(pace: number, asOf: string, today?: string): string {
  return `${formatHours(pace)} h expected by ${asOf === today ? 'today' : asOf}`;
}

/** R15 status: "met", "at risk", "on track", "behind". */
export function ceStatusInWords(status: CeGroupStatus): string {
  return status.replace(/-/g, ' ');
}

// ---------- credentials and staff ----------

/** How a credential was verified: "primary source", "copy of certificate". */
export function verificationMethodInWords(method: VerificationMethod | string): string {
  return method === 'primary-source'
    ? 'primary source'
    : method === 'certificate-copy'
      ? 'copy of certificate'
      : method;
}

/** A credential's status on D (R4, R10): "current", "expiring in 12 days", "not yet valid". */
export function credentialStatusInWords(
  status: CredentialStatus,
  daysToExpiry: number | null,
): string {
  if (status === 'expiring') {
    return daysToExpiry === 0 ? 'expiring today' : `expiring in ${daysText(daysToExpiry ?? 0)}`;
  }
  return status.replace(/-/g, ' ');
}

/** The same as a chip says it: "Current", "Expiring in 12 days", "Expires today". */
export function credentialStatusLabel(
  status: CredentialStatus,
  daysToExpiry: number | null,
): string {
  return status === 'expiring' && daysToExpiry === 0
    ? 'Expires today'
    : sentenceCase(credentialStatusInWords(status, daysToExpiry));
}

/** R1: "active", "on leave", "terminated". */
export function staffStatusInWords(status: StaffStatus): string {
  return status === 'leave' ? 'on leave' : status;
}

/** R1 as a chip says it: "Active", "On leave", "No longer employed". */
export function staffStatusLabel(status: StaffStatus): string {
  return status === 'terminated' ? 'No longer employed' : sentenceCase(staffStatusInWords(status));
}

/**
 * R18 beside an expired credential: "expired — inactive until 2027-05-30, can still be
 * reinstated", "expired — revoked by the issuing body since 2027-05-31"; "expired" alone without
 * a state.
 */
export function afterLapseInWords(state: AfterLapseState | null | undefined): string {
  if (!state) return 'expired';
  if (!state.canBeReinstated || state.until === null) {
    return `expired — revoked by the issuing body since ${state.since}`;
  }
  return `expired — ${state.state} until ${state.until}, can still be reinstated`;
}

/** A CE rule's states after an expiry: "inactive 180 days, then revoked"; "none". */
export function afterLapseStepsInWords(steps: readonly AfterLapseStep[] | undefined): string {
  const valid = (steps ?? []).filter((step) => step.days >= 1);
  if (valid.length === 0) return 'none';
  return `${valid.map((step) => `${step.state} ${daysText(step.days)}`).join(', then ')}, then revoked`;
}

/** R2: "HIPAA privacy due by 2027-01-12 (in 15 days)", "overdue since 2026-11-30". */
export function reassessmentDueInWords(due: ReassessmentDue): string {
  if (due.overdue) {
    return `overdue: stopped counting on ${due.lapsesOn} (${daysText(-due.daysLeft)} ago)`;
  }
  if (due.daysLeft === 0) return `due today (${due.dueBy})`;
  return `due by ${due.dueBy} (in ${daysText(due.daysLeft)})`;
}

/** Who an account is, as a report names them: a person by name and title, never by e-mail. */
export interface PersonFacts {
  /** the name of the account's staff record, null when it has none */
  name: string | null;
  /** the job role of that staff record */
  title: string | null;
  /** the account's role, for an account without a staff record */
  accountRole?: string | null;
}

/**
 * "Margaret Okonkwo, Director of HIM"; an account without a staff record reads as what it is
 * ("Administrator account (no staff record)"), and no account at all as "not recorded".
 */
export function personInWords(person: PersonFacts | null | undefined): string {
  if (!person) return 'not recorded';
  if (person.name) return person.title ? `${person.name}, ${person.title}` : person.name;
  const role =
    person.accountRole === 'admin'
      ? 'Administrator'
      : person.accountRole === 'manager'
        ? 'Manager'
        : person.accountRole === 'staff'
          ? 'Staff'
          : 'User';
  return `${role} account (no staff record)`;
}

/**
 * The notice a report as of a future day carries (DOMAIN.md, Reports and R9): what it projects
 * and on what assumption.
 */
export function projectionNotice(asOf: string, today: string): string {
  return `Projection: ${asOf} is after today (${today}). It assumes nobody renews a credential, earns CE or is assessed after today.`;
}
