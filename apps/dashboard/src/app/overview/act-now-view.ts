import type { CeActivityQueueItem, CeGroup, Expiration, IsoDate } from '@him/contracts';
import { daysBetween, daysText, formatHours, reviewWaitsTooLong, todayIn } from '@him/domain';
import type { DirectoryNames } from './director-lists-view';

/** Credentials lapsing within this many days come first on the overview. */
export const ACT_NOW_LAPSING_DAYS = 14;

/** One thing a director or manager should act on, with the person and the one action. */
export interface ActNowItem {
  key: string;
  staffName: string;
  teamName: string;
  /** what is wrong, in words: "RHIT expires in 5 days (Dec 7)" */
  what: string;
  /** the action's words and where it goes */
  action: string;
  actionLabel: string;
  link: string;
}

export interface ActNowGroup {
  key: 'lapsing' | 'unverified' | 'ce-at-risk' | 'reviews';
  heading: string;
  /** said when the group is empty */
  none: string;
  items: ActNowItem[];
}

export interface ActNowFacts {
  asOf: IsoDate;
  /** credentials current on asOf with an expiry date, soonest first (R10, a long window) */
  expirations: readonly Expiration[];
  /** R4: unverified credentials do not count when the department requires verification */
  requireVerification: boolean;
  ceGroups: readonly CeGroup[];
  reviewQueue: readonly CeActivityQueueItem[];
  /** the department's time zone: a submission's day is the department's day */
  timeZone: string;
  names: DirectoryNames;
  /** each member's team (active and on leave), by staff id */
  memberTeams: ReadonlyMap<string, string>;
}

/**
 * What needs acting on this week, worst first in each group: credentials lapsing within 14 days
 * (R10), unverified credentials that count (R4), CE groups at risk (R15) and CE activities
 * waiting for review longer than the reminder allows.
 */
export function actNowGroups(facts: ActNowFacts): ActNowGroup[] {
  const team = (teamId: string) => facts.names.teams.get(teamId) ?? 'Unknown team';
  const staff = (staffId: string) => facts.names.staff.get(staffId) ?? 'Unknown staff member';
  const credentialName = (expiration: Expiration) =>
    expiration.number
      ? `${expiration.credentialTypeCode} ${expiration.number}`
      : expiration.credentialTypeCode;
  const byExpiry = [...facts.expirations].sort(
    (a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.staffName.localeCompare(b.staffName),
  );

  const lapsing = byExpiry
    .filter((expiration) => expiration.daysLeft <= ACT_NOW_LAPSING_DAYS)
    .map((expiration) => ({
      key: `lapsing:${expiration.credentialId}`,
      staffName: expiration.staffName,
      teamName: team(expiration.teamId),
      what: `${credentialName(expiration)} ${
        expiration.daysLeft === 0
          ? 'expires today'
          : `expires in ${daysText(expiration.daysLeft)} (${expiration.expiresOn})`
      }${expiration.verified ? '' : ', not verified'}`,
      action: 'Open profile',
      actionLabel: `Open profile of ${expiration.staffName} (renew ${expiration.credentialTypeCode})`,
      link: `/staff/${expiration.staffId}`,
    }));

  const unverified = facts.requireVerification
    ? []
    : byExpiry
        .filter((expiration) => !expiration.verified)
        .map((expiration) => ({
          key: `unverified:${expiration.credentialId}`,
          staffName: expiration.staffName,
          teamName: team(expiration.teamId),
          what: `${credentialName(expiration)} counts towards readiness but is not verified`,
          action: 'Verify',
          actionLabel: `Verify ${expiration.staffName}'s ${expiration.credentialTypeCode}`,
          link: `/staff/${expiration.staffId}`,
        }));

  const ceAtRisk = facts.ceGroups
    .filter((group) => group.status === 'at-risk')
    .sort((a, b) => a.cycleEnd.localeCompare(b.cycleEnd) || b.remaining - a.remaining)
    .map((group) => {
      const name = staff(group.staffId);
      const daysLeft = daysBetween(facts.asOf, group.cycleEnd);
      return {
        key: `ce:${group.staffId}:${group.issuingBody}:${group.cycleEnd}`,
        staffName: name,
        teamName: team(facts.memberTeams.get(group.staffId) ?? ''),
        what: `${group.issuingBody} CE: ${formatHours(group.remaining)} of ${formatHours(
          group.required,
        )} hours still missing, cycle ends ${
          daysLeft <= 0 ? 'today' : `in ${daysText(daysLeft)}`
        } (${group.cycleEnd})`,
        action: 'Open profile',
        actionLabel: `Open profile of ${name} (${group.issuingBody} CE)`,
        link: `/staff/${group.staffId}`,
      };
    });

  const reviews = facts.reviewQueue
    .map((activity) => ({
      activity,
      submittedOn: todayIn(facts.timeZone, new Date(activity.submittedAt)),
    }))
    .filter(({ submittedOn }) => reviewWaitsTooLong(submittedOn, facts.asOf))
    .sort((a, b) => a.activity.submittedAt.localeCompare(b.activity.submittedAt))
    .map(({ activity, submittedOn }) => ({
      key: `review:${activity.id}`,
      staffName: activity.staffName,
      teamName: team(activity.teamId),
      what: `"${activity.title}" (${formatHours(activity.hours)} h) has waited ${daysText(
        daysBetween(submittedOn, facts.asOf),
      )} for review (submitted ${submittedOn})`,
      action: 'Review',
      actionLabel: `Review "${activity.title}" by ${activity.staffName}`,
      link: '/review',
    }));

  return [
    {
      key: 'lapsing',
      heading: `Lapsing within ${ACT_NOW_LAPSING_DAYS} days`,
      none: `No credential lapses within ${ACT_NOW_LAPSING_DAYS} days.`,
      items: lapsing,
    },
    {
      key: 'unverified',
      heading: 'Unverified credentials that count',
      none: facts.requireVerification
        ? 'Only verified credentials count in this department.'
        : 'Every credential that counts is verified.',
      items: unverified,
    },
    {
      key: 'ce-at-risk',
      heading: 'CE at risk',
      none: 'No CE group is at risk.',
      items: ceAtRisk,
    },
    {
      key: 'reviews',
      heading: 'Reviews waiting over a week',
      none: 'No CE activity has waited more than a week for review.',
      items: reviews,
    },
  ];
}
