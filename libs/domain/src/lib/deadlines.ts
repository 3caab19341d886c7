/**
 * What falls due in the coming months, for the deadlines chart: each credential expiry (R10)
 * and each CE cycle end with hours still missing (R11 to R15), from asOf through asOf + months.
 */
import type { Deadline, DeadlinesResponse, IsoDate } from '@him/contracts';
import { computeCeStatus, type CeStatusOptions } from './ce';
import { addMonthsClamped, daysBetween } from './dates';
import { assertIsoDate } from './evaluation';
import { expiringCredentials } from './expirations';
import type { CeFacts } from './model';

export const DEADLINE_MONTHS = 12;

export function upcomingDeadlines(
  facts: CeFacts,
  asOf: IsoDate,
  options: CeStatusOptions & { months?: number } = {},
): DeadlinesResponse {
  assertIsoDate('asOf', asOf);
  const until = addMonthsClamped(asOf, options.months ?? DEADLINE_MONTHS);
  const scope = { teamId: options.teamId, staffId: options.staffId };
  const bodies = new Map(facts.credentialTypes.map((type) => [type.id, type.issuingBody]));
  const members = new Map(facts.staff.map((member) => [member.id, member]));

  const deadlines: Deadline[] = expiringCredentials(
    facts,
    asOf,
    daysBetween(asOf, until),
    scope,
  ).map((expiration) => ({
    kind: 'credential-expiry',
    date: expiration.expiresOn,
    staffId: expiration.staffId,
    staffName: expiration.staffName,
    teamId: expiration.teamId,
    issuingBody: bodies.get(expiration.credentialTypeId) ?? '',
    credentials: expiration.credentialTypeCode,
    hoursMissing: null,
    verified: expiration.verified,
  }));
  for (const group of computeCeStatus(facts, asOf, scope)) {
    const member = members.get(group.staffId);
    if (member === undefined || group.remaining <= 0) continue;
    if (group.cycleEnd < asOf || group.cycleEnd > until) continue;
    deadlines.push({
      kind: 'ce-cycle-end',
      date: group.cycleEnd,
      staffId: member.id,
      staffName: member.name,
      teamId: member.teamId,
      issuingBody: group.issuingBody,
      credentials: group.credentialTypeCodes.join(', '),
      hoursMissing: group.remaining,
      verified: null,
    });
  }
  deadlines.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      a.staffName.localeCompare(b.staffName, 'en') ||
      a.kind.localeCompare(b.kind) ||
      a.credentials.localeCompare(b.credentials, 'en'),
  );
  return { asOf, until, deadlines };
}
