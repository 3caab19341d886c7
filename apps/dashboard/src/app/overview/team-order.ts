import type { StatusBadge } from '../shared/status/status-chip';
import { ICON_CHECK_CIRCLE, ICON_HELP, ICON_WARNING } from '../shared/status/status-icons';
import type { TeamRow } from './readiness-view';

/** A team is below target when some coverage target of it has a gap (R7). */
export function isBelowTarget(team: TeamRow): boolean {
  return team.targets.met < team.targets.total;
}

/**
 * Worst first: teams below target, then the lowest share of staff ready, then the lowest share
 * of requirements met; a team without figures (no active staff) last; ties by name.
 */
export function teamsWorstFirst(teams: readonly TeamRow[]): TeamRow[] {
  const orNull = (value: number | null) => (value === null ? Number.POSITIVE_INFINITY : value);
  return [...teams].sort(
    (a, b) =>
      Number(isBelowTarget(b)) - Number(isBelowTarget(a)) ||
      orNull(a.staffReadyPct) - orNull(b.staffReadyPct) ||
      orNull(a.requirementsMetPct) - orNull(b.requirementsMetPct) ||
      a.name.localeCompare(b.name),
  );
}

/** The team's coverage in words and an icon, never by colour alone. */
export function teamTargetBadge(team: TeamRow): StatusBadge {
  if (team.targets.total === 0) {
    return { label: 'No coverage targets', tone: 'neutral', icon: ICON_HELP };
  }
  if (isBelowTarget(team)) {
    const gaps = team.targets.total - team.targets.met;
    return {
      label: `Below target: ${gaps} ${gaps === 1 ? 'target' : 'targets'} short`,
      tone: 'danger',
      icon: ICON_WARNING,
    };
  }
  return { label: 'On target', tone: 'success', icon: ICON_CHECK_CIRCLE };
}
