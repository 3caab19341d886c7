import { BadRequestException, Injectable } from '@nestjs/common';
import type { Team } from '@him/contracts';
import { countText } from '@him/domain';
import type { EntityManager } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import { CatalogService, type CatalogSpec } from '../common/catalog.service';
import {
  loadRequirements,
  replaceRequirements,
  requirementProblems,
  type RequirementRow,
} from '../roles/requirements';
import { TeamEntity, TeamManagerEntity } from './team.entity';
import type { CoverageTargetDto, CreateTeamDto, UpdateTeamDto } from './team.dto';

export function toTeam(e: TeamEntity, managerStaffIds: string[], targets: RequirementRow[]): Team {
  return {
    id: e.id,
    name: e.name,
    managerStaffIds,
    coverageTargets: targets.map((t) => ({
      requirement: t.requirement,
      minHolders: t.minHolders ?? 1,
    })),
    version: e.version,
  };
}

@Injectable()
export class TeamsService extends CatalogService<TeamEntity, Team, CreateTeamDto, UpdateTeamDto> {
  protected readonly spec: CatalogSpec<TeamEntity> = {
    entity: TeamEntity,
    auditEntity: 'team',
    what: 'team',
    order: { name: 'ASC', id: 'ASC' },
  };

  protected async insert(
    em: EntityManager,
    user: RequestUser,
    dto: CreateTeamDto,
  ): Promise<TeamEntity> {
    const managerStaffIds = dto.managerStaffIds ?? [];
    await this.assertReferences(em, user, managerStaffIds, dto.coverageTargets);
    const saved = await em.save(
      em.create(TeamEntity, {
        departmentId: user.departmentId,
        name: dto.name.trim(),
        version: 1,
      }),
    );
    await this.replaceManagers(em, saved.id, managerStaffIds);
    await replaceRequirements(em, user.departmentId, { teamId: saved.id }, dto.coverageTargets);
    return saved;
  }

  protected async change(
    em: EntityManager,
    user: RequestUser,
    team: TeamEntity,
    dto: UpdateTeamDto,
  ): Promise<TeamEntity> {
    await this.assertReferences(em, user, dto.managerStaffIds, dto.coverageTargets);
    if (dto.name !== undefined) team.name = dto.name.trim();
    await this.nextVersion(em, team);
    if (dto.managerStaffIds !== undefined)
      await this.replaceManagers(em, team.id, dto.managerStaffIds);
    if (dto.coverageTargets !== undefined)
      await replaceRequirements(em, user.departmentId, { teamId: team.id }, dto.coverageTargets);
    return team;
  }

  protected async inUse(em: EntityManager, team: TeamEntity): Promise<string | undefined> {
    const [{ members }] = await em.query(
      `SELECT count(*)::int AS members FROM staff WHERE team_id = $1`,
      [team.id],
    );
    return members > 0
      ? `the team has ${countText(members, 'staff member')} (terminated ones included); move them to another team first`
      : undefined;
  }

  /** Managers must be staff of the department, targets refer to its catalog: 400 naming the path otherwise. */
  private async assertReferences(
    em: EntityManager,
    user: RequestUser,
    managerStaffIds: string[] | undefined,
    targets: CoverageTargetDto[] | undefined,
  ): Promise<void> {
    const problems: string[] = [];
    if (managerStaffIds && managerStaffIds.length > 0) {
      const rows: { id: string }[] = await em.query(
        `SELECT id FROM staff WHERE department_id = $1 AND id = ANY($2::uuid[])`,
        [user.departmentId, managerStaffIds],
      );
      const known = new Set(rows.map((r) => r.id));
      managerStaffIds.forEach((staffId, i) => {
        if (!known.has(staffId))
          problems.push(`managerStaffIds.${i}: no staff member with this id in the department`);
      });
    }
    if (targets) {
      problems.push(
        ...(await requirementProblems(
          em,
          user.departmentId,
          targets.map((t, i) => ({
            path: `coverageTargets.${i}.requirement`,
            requirement: t.requirement,
          })),
        )),
      );
    }
    if (problems.length > 0) throw new BadRequestException(problems);
  }

  private async replaceManagers(
    em: EntityManager,
    teamId: string,
    staffIds: string[],
  ): Promise<void> {
    await em.delete(TeamManagerEntity, { teamId });
    if (staffIds.length > 0)
      await em.insert(
        TeamManagerEntity,
        staffIds.map((staffId) => ({ teamId, staffId })),
      );
  }

  /** Teams with their managers and targets: two queries, whatever the number of teams. */
  protected async toRecords(em: EntityManager, teams: TeamEntity[]): Promise<Team[]> {
    const ids = teams.map((t) => t.id);
    if (ids.length === 0) return [];
    // The schema keeps no order among managers; they are given by name.
    const managers: { team_id: string; staff_id: string }[] = await em.query(
      `SELECT m.team_id, m.staff_id FROM team_manager m JOIN staff s ON s.id = m.staff_id
        WHERE m.team_id = ANY($1::uuid[]) ORDER BY s.name, s.id`,
      [ids],
    );
    const targets = await loadRequirements(em, 'team_id', ids);
    return teams.map((t) =>
      toTeam(
        t,
        managers.filter((m) => m.team_id === t.id).map((m) => m.staff_id),
        targets.get(t.id) ?? [],
      ),
    );
  }
}
