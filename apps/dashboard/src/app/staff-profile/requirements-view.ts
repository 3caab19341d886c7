import type { MemberReadiness, ReadinessResponse, Role, StaffStatus } from '@him/contracts';
import { dedupeRequirements, requirementKey, requirementLabel } from '@him/domain';
import { type RequirementCatalog } from '../core/catalog/requirement-catalog';
import type { StatusBadge } from '../shared/status/status-chip';
import { ICON_CHECK_CIRCLE, ICON_ERROR, ICON_HELP } from '../shared/status/status-icons';

export interface RequirementRow {
  key: string;
  label: string;
  badge: StatusBadge;
}

export interface RequirementsView {
  /** "3 of 4 requirements met: not ready" or why there is no figure */
  summary: string;
  ready: boolean | null;
  rows: RequirementRow[];
}

const MET: StatusBadge = { label: 'Met', tone: 'success', icon: ICON_CHECK_CIRCLE };
const MISSING: StatusBadge = { label: 'Missing', tone: 'danger', icon: ICON_ERROR };
const NOT_EVALUATED: StatusBadge = { label: 'Not evaluated', tone: 'neutral', icon: ICON_HELP };

/**
 * The member's role requirements, met or missing (R6), from their entry in the team's
 * readiness. Only active members have one (R1): for others the requirements are listed
 * without a verdict.
 */
export function requirementsView(
  status: StaffStatus,
  role: Role | undefined,
  member: MemberReadiness | undefined,
  catalog: RequirementCatalog,
): RequirementsView {
  const requirements = dedupeRequirements(role?.requirements ?? member?.missing ?? []);
  if (!member) {
    const why =
      status === 'leave'
        ? 'On leave: readiness counts active staff only.'
        : status === 'terminated'
          ? 'No longer employed: readiness counts active staff only.'
          : 'Readiness for this member is not available.';
    return {
      summary: why,
      ready: null,
      rows: requirements.map((requirement) => ({
        key: requirementKey(requirement),
        label: requirementLabel(requirement, catalog),
        badge: NOT_EVALUATED,
      })),
    };
  }
  const missing = new Set(member.missing.map(requirementKey));
  const rows = requirements
    .map((requirement) => ({
      key: requirementKey(requirement),
      label: requirementLabel(requirement, catalog),
      badge: missing.has(requirementKey(requirement)) ? MISSING : MET,
    }))
    // Missing first: that is what a manager acts on.
    .sort((a, b) => Number(b.badge === MISSING) - Number(a.badge === MISSING));
  return {
    summary:
      member.total === 0
        ? 'The role has no requirements, so the member is ready.'
        : `${member.met} of ${member.total} requirements met: ${member.ready ? 'ready' : 'not ready'}.`,
    ready: member.ready,
    rows,
  };
}

export function memberReadinessOf(
  readiness: ReadinessResponse | null,
  staffId: string,
): MemberReadiness | undefined {
  return readiness?.members.find((member) => member.staffId === staffId);
}
