import type { CeGroup, Expiration, IsoDate, ReadinessResponse } from '@him/contracts';
import { daysText, formatHours, wholePercent } from '@him/domain';
import { CE_STATUS_BADGES } from '../shared/ce-progress/ce-group-view';
import type { StatusBadge } from '../shared/status/status-chip';
import type { RequirementCatalog } from '../core/catalog/requirement-catalog';
import { formatTargetsMet } from './readiness-view';

/** Names of the members and teams a readiness answer mentions, for lists that carry only ids. */
export interface DirectoryNames {
  staff: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
}

export function directoryOf(readiness: ReadinessResponse | null): DirectoryNames {
  const staff = new Map<string, string>();
  for (const member of readiness?.members ?? []) {
    staff.set(member.staffId, member.name);
  }
  for (const member of readiness?.onLeave ?? []) {
    staff.set(member.staffId, member.name);
  }
  return {
    staff,
    teams: new Map((readiness?.teams ?? []).map((team) => [team.teamId, team.name])),
  };
}

export interface ExpirationRow {
  credentialId: string;
  staffId: string;
  staffName: string;
  teamName: string;
  credential: string;
  expiresOn: IsoDate;
  daysLeft: number;
  daysLeftText: string;
  verification: string;
}

/** R10: credentials expiring in the window, soonest first. */
export function expirationRows(
  expirations: readonly Expiration[],
  names: DirectoryNames,
): ExpirationRow[] {
  return [...expirations]
    .sort(
      (a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.staffName.localeCompare(b.staffName),
    )
    .map((expiration) => ({
      credentialId: expiration.credentialId,
      staffId: expiration.staffId,
      staffName: expiration.staffName,
      teamName: names.teams.get(expiration.teamId) ?? 'Unknown team',
      credential: expiration.number
        ? `${expiration.credentialTypeCode} ${expiration.number}`
        : expiration.credentialTypeCode,
      expiresOn: expiration.expiresOn,
      daysLeft: expiration.daysLeft,
      daysLeftText: expiration.daysLeft === 0 ? 'Expires today' : daysText(expiration.daysLeft),
      verification: expiration.verified ? 'Verified' : 'Not verified',
    }));
}

export interface CeRiskRow {
  key: string;
  staffId: string;
  staffName: string;
  issuingBody: string;
  credentials: string;
  /** "6 of 20 hours" */
  earned: string;
  /** "10 hours expected by now" */
  pace: string;
  cycleEnd: IsoDate;
  status: StatusBadge;
}

/** R15: CE groups whose status is behind or at risk; at risk first, then by cycle end. */
export function ceRiskRows(groups: readonly CeGroup[], names: DirectoryNames): CeRiskRow[] {
  const order = (group: CeGroup) => (group.status === 'at-risk' ? 0 : 1);
  return groups
    .filter((group) => group.status === 'behind' || group.status === 'at-risk')
    .sort((a, b) => order(a) - order(b) || a.cycleEnd.localeCompare(b.cycleEnd))
    .map((group) => ({
      key: `${group.staffId}:${group.issuingBody}:${group.cycleEnd}`,
      staffId: group.staffId,
      staffName: names.staff.get(group.staffId) ?? 'Unknown staff member',
      issuingBody: group.issuingBody,
      credentials: group.credentialTypeCodes.join(', '),
      earned: `${formatHours(group.earned)} of ${formatHours(group.required)} hours`,
      pace: `${formatHours(group.pace)} hours expected by now`,
      cycleEnd: group.cycleEnd,
      status: CE_STATUS_BADGES[group.status],
    }));
}

export interface LapsedRow {
  key: string;
  staffId: string;
  staffName: string;
  teamName: string;
  credential: string;
  expiresOn: IsoDate;
}

export interface SurveyView {
  surveyDate: IsoDate;
  staffReady: string;
  requirementsMet: string;
  targetsMet: string;
  lapsed: LapsedRow[];
}

/** R9 for a named date: the figures on the survey date and who will have lapsed by then. */
export function surveyView(
  readiness: ReadinessResponse,
  surveyDate: IsoDate,
  catalog: RequirementCatalog,
): SurveyView | null {
  const point = readiness.forecast.find((candidate) => candidate.date === surveyDate);
  if (!point) {
    return null;
  }
  const names = directoryOf(readiness);
  const teamOf = new Map(
    [...readiness.members, ...(readiness.onLeave ?? [])].map((member) => [
      member.staffId,
      names.teams.get(member.teamId) ?? 'Unknown team',
    ]),
  );
  return {
    surveyDate,
    staffReady: wholePercent(point.staffReadyPct),
    requirementsMet: wholePercent(point.requirementsMetPct),
    targetsMet: formatTargetsMet(point.targetsMet),
    lapsed: [...(point.lapsed ?? [])]
      .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn))
      .map((lapsed) => ({
        key: lapsed.credentialId,
        staffId: lapsed.staffId,
        staffName: names.staff.get(lapsed.staffId) ?? 'Unknown staff member',
        teamName: teamOf.get(lapsed.staffId) ?? 'Unknown team',
        credential:
          catalog.credentialTypeCodes.get(lapsed.credentialTypeId) ?? 'Unknown credential type',
        expiresOn: lapsed.expiresOn,
      })),
  };
}
