import type { CeGroup, CeGroupStatus, CeMinimumStatus, IsoDate } from '@him/contracts';
import { groupBy, sortByName } from './collections';
import { isCredentialCurrentByDates } from './credentials';
import { addDays, addMonthsClamped, daysBetween, isIsoDate } from './dates';
import type {
  CeActivityFacts,
  CeFacts,
  CeRuleFacts,
  CredentialFacts,
  CredentialTypeFacts,
  StaffFacts,
} from './model';

/** R15: a group whose cycle ends within this many days of D is at risk. */
export const CE_AT_RISK_DAYS = 90;

/**
 * CE hours carry at most two decimals; the rules add and compare them in whole hundredths so
 * that 0.7 + 0.1 is exactly 0.8 and "on the pace line" is decided exactly.
 */
export function toHundredths(hours: number): number {
  return Math.round(hours * 100);
}

function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** R11: the cycle ending on `cycleEnd` starts the day after the same date cycleMonths earlier. */
export function ceCycleStart(cycleEnd: IsoDate, cycleMonths: number): IsoDate {
  return addDays(addMonthsClamped(cycleEnd, -cycleMonths), 1);
}

/** What R12 needs of a credential type (supersedes may be left out: it supersedes nothing). */
export type CeCountedType = Pick<CredentialTypeFacts, 'id' | 'baseCeus'> & {
  supersedes?: readonly string[];
};

/**
 * R12: the distinct credential types of a group that count (two records of one type are one),
 * leaving out a type superseded by another type present in the group (RHIA supersedes RHIT). A
 * supersession two types claim of each other cancels out; should the catalog hold a longer cycle
 * that would leave nothing, no type is left out.
 */
export function countedCredentialTypes<T extends CeCountedType>(types: readonly T[]): T[] {
  const distinct = new Map<string, T>();
  for (const type of types) if (!distinct.has(type.id)) distinct.set(type.id, type);
  const supersedes = (a: T, b: T) => a.id !== b.id && (a.supersedes ?? []).includes(b.id);
  const present = [...distinct.values()];
  const counted = present.filter(
    (type) => !present.some((other) => supersedes(other, type) && !supersedes(type, other)),
  );
  return counted.length > 0 ? counted : present;
}

/**
 * R12: required = min(cap, max(base hours of the group's types) + extraPerAdditional x (n - 1)),
 * n = the number of distinct credential types in the group, superseded types left out of both
 * the count and the base (countedCredentialTypes).
 */
export function ceHoursRequired(
  types: readonly CeCountedType[],
  rule: Pick<CeRuleFacts, 'extraPerAdditional' | 'cap'>,
): number {
  const counted = countedCredentialTypes(types);
  if (counted.length === 0) return 0;
  const base = Math.max(...counted.map((type) => type.baseCeus));
  const hours = base + rule.extraPerAdditional * (counted.length - 1);
  return rule.cap === null || rule.cap === undefined ? hours : Math.min(rule.cap, hours);
}

interface GroupDraft {
  member: StaffFacts;
  issuingBody: string;
  rule: CeRuleFacts;
  credentials: { credential: CredentialFacts; type: CredentialTypeFacts }[];
  credentialIds: Set<string>;
  cycleStart: IsoDate;
  cycleEnd: IsoDate;
  counted: CeActivityFacts[];
  pendingHundredths: number;
}

/** R13: would the activity count towards the group (ignoring its review status and R13's one-group rule)? */
function qualifies(activity: CeActivityFacts, group: GroupDraft, asOf: IsoDate): boolean {
  if (activity.completedOn < group.cycleStart) return false;
  if (activity.completedOn > group.cycleEnd || activity.completedOn > asOf) return false;
  if (activity.credentialIds.length === 0) return true;
  return activity.credentialIds.some((id) => group.credentialIds.has(id));
}

/** R11: one member's CE groups on asOf, keyed by issuing body, each body's ordered by cycle end. */
function groupsOf(
  member: StaffFacts,
  credentials: readonly CredentialFacts[],
  types: ReadonlyMap<string, CredentialTypeFacts>,
  rules: ReadonlyMap<string, CeRuleFacts>,
  asOf: IsoDate,
): Map<string, GroupDraft[]> {
  const byKey = new Map<string, GroupDraft>();
  for (const credential of credentials) {
    // CE is owed whether or not the department verified the credential.
    if (credential.expiresOn === null || !isCredentialCurrentByDates(credential, asOf)) continue;
    const type = types.get(credential.credentialTypeId);
    const rule = type && rules.get(type.issuingBody);
    if (type === undefined || rule === undefined) continue;
    const key = `${type.issuingBody}\u0000${credential.expiresOn}`;
    let group = byKey.get(key);
    if (group === undefined) {
      group = {
        member,
        issuingBody: type.issuingBody,
        rule,
        credentials: [],
        credentialIds: new Set(),
        cycleStart: ceCycleStart(credential.expiresOn, rule.cycleMonths),
        cycleEnd: credential.expiresOn,
        counted: [],
        pendingHundredths: 0,
      };
      byKey.set(key, group);
    }
    group.credentials.push({ credential, type });
    group.credentialIds.add(credential.id);
  }
  const byBody = groupBy([...byKey.values()], (group) => group.issuingBody);
  for (const groups of byBody.values()) {
    groups.sort((a, b) => (a.cycleEnd < b.cycleEnd ? -1 : a.cycleEnd > b.cycleEnd ? 1 : 0));
  }
  return byBody;
}

function minimumRequiredHundredths(
  minimum: CeRuleFacts['minimums'][number],
  requiredHundredths: number,
): number {
  if (minimum.hours !== null && minimum.hours !== undefined) return toHundredths(minimum.hours);
  if (minimum.share !== null && minimum.share !== undefined) {
    // Whole hundredths needed to reach the share; the rounding removes float noise first.
    return Math.ceil(Math.round(minimum.share * requiredHundredths * 1e6) / 1e6);
  }
  return 0;
}

/** R12 to R15 for one group whose counted and pending activities are known. */
function settle(group: GroupDraft, asOf: IsoDate): CeGroup {
  const credentials = [...group.credentials].sort(
    (a, b) =>
      a.type.code.localeCompare(b.type.code, 'en') ||
      (a.credential.id < b.credential.id ? -1 : a.credential.id > b.credential.id ? 1 : 0),
  );
  const required = toHundredths(
    ceHoursRequired(
      credentials.map(({ type }) => type),
      group.rule,
    ),
  );
  let earned = 0;
  for (const activity of group.counted) earned += toHundredths(activity.hours);

  const minimums: CeMinimumStatus[] = group.rule.minimums.map((minimum) => {
    const categories = new Set(minimum.categories);
    let minimumEarned = 0;
    for (const activity of group.counted) {
      if (activity.categories.some((category) => categories.has(category))) {
        minimumEarned += toHundredths(activity.hours);
      }
    }
    const minimumRequired = minimumRequiredHundredths(minimum, required);
    return {
      categories: [...minimum.categories],
      requiredHours: fromHundredths(minimumRequired),
      earnedHours: fromHundredths(minimumEarned),
      met: minimumEarned >= minimumRequired,
    };
  });

  const remaining = Math.max(0, required - earned);
  const cycleDays = daysBetween(group.cycleStart, group.cycleEnd) + 1;
  // days from cycle start to D, both inclusive, and 0 before the cycle starts (a first cycle can
  // start after D when the credential was issued less than cycleMonths before its expiry); a
  // group exists only while D <= cycle end, so elapsed never exceeds the cycle
  const elapsed = Math.max(0, daysBetween(group.cycleStart, asOf) + 1);
  // pace = required x elapsed / cycleDays; compared exactly as earned x cycleDays >= required x elapsed
  let status: CeGroupStatus;
  if (remaining === 0 && minimums.every((minimum) => minimum.met)) status = 'met';
  else if (group.cycleEnd <= addDays(asOf, CE_AT_RISK_DAYS)) status = 'at-risk';
  else if (earned * cycleDays >= required * elapsed) status = 'on-track';
  else status = 'behind';

  return {
    staffId: group.member.id,
    issuingBody: group.issuingBody,
    credentialIds: credentials.map(({ credential }) => credential.id),
    credentialTypeCodes: credentials.map(({ type }) => type.code),
    cycleStart: group.cycleStart,
    cycleEnd: group.cycleEnd,
    required: fromHundredths(required),
    earned: fromHundredths(earned),
    pending: fromHundredths(group.pendingHundredths),
    remaining: fromHundredths(remaining),
    pace: fromHundredths(Math.round((required * elapsed) / cycleDays)),
    status,
    minimums,
    countedActivityIds: group.counted.map((activity) => activity.id),
  };
}

export interface CeStatusOptions {
  staffId?: string;
  teamId?: string;
}

/**
 * R11 to R15: one entry per CE group of every non-terminated member (or one member, or one
 * team) on asOf, sorted by member name, issuing body, cycle end. Bodies without a CE rule owe
 * nothing here.
 */
export function computeCeStatus(
  facts: CeFacts,
  asOf: IsoDate,
  options: CeStatusOptions = {},
): CeGroup[] {
  if (!isIsoDate(asOf)) throw new RangeError(`asOf is not a calendar date (YYYY-MM-DD): ${asOf}`);
  const members = sortByName(
    facts.staff.filter(
      (member) =>
        member.status !== 'terminated' &&
        (options.staffId === undefined || member.id === options.staffId) &&
        (options.teamId === undefined || member.teamId === options.teamId),
    ),
  );
  const memberIds = new Set(members.map((member) => member.id));
  const types = new Map(facts.credentialTypes.map((type) => [type.id, type]));
  const rules = new Map(facts.ceRules.map((rule) => [rule.issuingBody, rule]));
  const credentialsByStaff = groupBy(
    facts.credentials,
    (c) => c.staffId,
    (id) => memberIds.has(id),
  );
  const activitiesByStaff = groupBy(
    facts.activities,
    (a) => a.staffId,
    (id) => memberIds.has(id),
  );

  const result: CeGroup[] = [];
  for (const member of members) {
    const byBody = groupsOf(member, credentialsByStaff.get(member.id) ?? [], types, rules, asOf);
    if (byBody.size === 0) continue;
    for (const activity of activitiesByStaff.get(member.id) ?? []) {
      if (activity.status === 'rejected') continue;
      // R13: within one body, the group whose cycle ends first; every body separately.
      for (const groups of byBody.values()) {
        const group = groups.find((candidate) => qualifies(activity, candidate, asOf));
        if (group === undefined) continue;
        if (activity.status === 'approved') group.counted.push(activity);
        else group.pendingHundredths += toHundredths(activity.hours);
      }
    }
    const bodies = [...byBody.keys()].sort();
    for (const body of bodies) {
      for (const group of byBody.get(body) as GroupDraft[]) result.push(settle(group, asOf));
    }
  }
  return result;
}
