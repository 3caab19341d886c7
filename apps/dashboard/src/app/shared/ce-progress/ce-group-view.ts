import { CE_GROUP_STATUSES, type CeGroup, type CeGroupStatus, type IsoDate } from '@him/contracts';
import {
  CE_AT_RISK_DAYS,
  ceCategoriesInWords,
  ceStatusInWords,
  daysBetween,
  daysText,
  formatHours,
  hoursText,
  sentenceCase,
} from '@him/domain';
import type { StatusBadge } from '../status/status-chip';
import {
  ICON_CHECK_CIRCLE,
  ICON_ERROR,
  ICON_TRENDING_UP,
  ICON_WARNING,
} from '../status/status-icons';

const CE_STATUS_LOOKS: Record<CeGroupStatus, Omit<StatusBadge, 'label'> & { meaning: string }> = {
  met: {
    tone: 'success',
    icon: ICON_CHECK_CIRCLE,
    meaning: 'Every required hour and minimum of this cycle is earned.',
  },
  'on-track': {
    tone: 'info',
    icon: ICON_TRENDING_UP,
    meaning: 'Approved hours are at or above the pace for today.',
  },
  behind: {
    tone: 'warning',
    icon: ICON_WARNING,
    meaning: 'Approved hours are below the pace for today.',
  },
  'at-risk': {
    tone: 'danger',
    icon: ICON_ERROR,
    meaning: `The cycle ends within ${CE_AT_RISK_DAYS} days and hours or minimums are still due.`,
  },
};

/** R15 status in words ("On track"), with an icon; the explanation says what the word means. */
export const CE_STATUS_BADGES = Object.fromEntries(
  CE_GROUP_STATUSES.map((status) => [
    status,
    { label: sentenceCase(ceStatusInWords(status)), ...CE_STATUS_LOOKS[status] },
  ]),
) as Record<CeGroupStatus, StatusBadge & { meaning: string }>;

export interface CeMinimumView {
  label: string;
  text: string;
  badge: StatusBadge;
}

export interface CeGroupView {
  key: string;
  title: string;
  status: StatusBadge & { meaning: string };
  /** "16 of 20 hours, 3.5 pending" */
  hoursText: string;
  remainingText: string;
  /** 0..100, for the progress bar */
  earnedPercent: number;
  /** 0..100, where the pace marker sits on the bar */
  pacePercent: number;
  paceText: string;
  cycleText: string;
  cycleEndText: string;
  minimums: CeMinimumView[];
}

/** What a CE group card shows, worked out once from the API's numbers (no rule recomputed). */
export function ceGroupView(group: CeGroup, asOf: IsoDate): CeGroupView {
  const required = group.required;
  const percentOf = (hours: number) =>
    required > 0 ? Math.max(0, Math.min(100, (hours / required) * 100)) : 100;
  const pending = group.pending > 0 ? `, ${formatHours(group.pending)} pending` : '';
  const daysLeft = daysBetween(asOf, group.cycleEnd);
  return {
    key: `${group.issuingBody}:${group.cycleEnd}:${group.credentialIds.join(',')}`,
    title: `${group.issuingBody}: ${group.credentialTypeCodes.join(', ')}`,
    status: CE_STATUS_BADGES[group.status] ?? CE_STATUS_BADGES.behind,
    hoursText: `${formatHours(group.earned)} of ${formatHours(required)} hours${pending}`,
    remainingText:
      group.remaining > 0 ? `${hoursText(group.remaining)} still needed` : 'No hours still needed',
    earnedPercent: percentOf(group.earned),
    pacePercent: percentOf(group.pace),
    paceText: `Pace today: ${formatHours(group.pace)} h`,
    cycleText: `${group.cycleStart} to ${group.cycleEnd}`,
    cycleEndText:
      daysLeft > 0
        ? `${daysText(daysLeft)} left`
        : daysLeft === 0
          ? 'ends today'
          : `ended ${daysText(-daysLeft)} ago`,
    minimums: group.minimums.map((minimum) => ({
      label: ceCategoriesInWords(minimum.categories),
      text: `${formatHours(minimum.earnedHours)} of ${formatHours(minimum.requiredHours)} h`,
      badge: minimum.met
        ? { label: 'Met', tone: 'success', icon: ICON_CHECK_CIRCLE }
        : { label: 'Not met yet', tone: 'warning', icon: ICON_WARNING },
    })),
  };
}
