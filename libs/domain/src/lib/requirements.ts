import type { Requirement } from '@him/contracts';
import type { MemberEvidence } from './skills';

/**
 * Canonical key of a requirement, for de-duplication: `skill:<skillId>:<minLevel>` or
 * `credential:<sorted distinct type ids joined by ','>` ("CCS or CPC" = "CPC or CCS"), with
 * `:verified` appended for a `verifiedOnly` group (R5: a different requirement from the plain one).
 */
export function requirementKey(requirement: Requirement): string {
  if (requirement.kind === 'skill') {
    return `skill:${requirement.skillId}:${requirement.minLevel}`;
  }
  const types = [...new Set(requirement.anyOf)].sort().join(',');
  return requirement.verifiedOnly === true ? `credential:${types}:verified` : `credential:${types}`;
}

/** The requirements without duplicates (by requirementKey), first occurrence kept, order kept. */
export function dedupeRequirements(requirements: readonly Requirement[]): Requirement[] {
  const seen = new Set<string>();
  const result: Requirement[] = [];
  for (const requirement of requirements) {
    const key = requirementKey(requirement);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(requirement);
  }
  return result;
}

/** R3: a skill requirement is met when the R2 level is at least the required level. */
export function skillRequirementMet(level: number, minLevel: number): boolean {
  return level >= minLevel;
}

/**
 * R3 / R5: whether a member meets a requirement on the evidence's date. A credential group
 * "any of {T1, T2 ...}" is met by one current credential of any of those types, and when the
 * group is `verifiedOnly` by one verified on or before that date, whatever the department's
 * setting; an empty group is never met.
 */
export function requirementMet(requirement: Requirement, evidence: MemberEvidence): boolean {
  if (requirement.kind === 'skill') {
    return skillRequirementMet(evidence.skillLevel(requirement.skillId), requirement.minLevel);
  }
  const verifiedOnly = requirement.verifiedOnly === true;
  for (const typeId of requirement.anyOf) {
    if (
      verifiedOnly
        ? evidence.holdsVerifiedCredentialType(typeId)
        : evidence.holdsCredentialType(typeId)
    ) {
      return true;
    }
  }
  return false;
}
