import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, Team } from '@him/contracts';
import { countText } from '@him/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import { AuditService } from '../audit/audit.service';
import { assertVersion } from '../common/errors';
import { findInDepartment } from '../common/find-in-department';
import type { PageQuery } from '../common/pagination';
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
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: RequestUser, page: PageQuery): Promise<Page<Team>> {
    const [rows, total] = await this.dataSource.getRepository(TeamEntity).findAndCount({
      where: { departmentId: user.departmentId },
      order: { name: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: await this.readMany(this.dataSource.manager, rows), total };
  }

  async get(user: RequestUser, id: string): Promise<Team> {
    return this.read(this.dataSource.manager, await this.find(this.dataSource.manager, user, id));
  }

  create(user: RequestUser, dto: CreateTeamDto): Promise<Team> {
    return this.dataSource.transaction(async (em) => {
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
      const team = await this.read(em, saved);
      await this.audit.record(em, user, user.departmentId, {
        action: 'create',
        entity: 'team',
        entityId: team.id,
        after: team,
      });
      return team;
    });
  }

  update(user: RequestUser, id: string, dto: UpdateTeamDto): Promise<Team> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id, true);
      assertVersion('team', entity.version, dto.version);
      await this.assertReferences(em, user, dto.managerStaffIds, dto.coverageTargets);
      const before = await this.read(em, entity);
      if (dto.name !== undefined) entity.name = dto.name.trim();
      entity.version += 1;
      await em.save(entity);
      if (dto.managerStaffIds !== undefined)
        await this.replaceManagers(em, id, dto.managerStaffIds);
      if (dto.coverageTargets !== undefined)
        await replaceRequirements(em, user.departmentId, { teamId: id }, dto.coverageTargets);
      const after = await this.read(em, entity);
      await this.audit.record(em, user, user.departmentId, {
        action: 'update',
        entity: 'team',
        entityId: id,
        before,
        after,
        note: dto.note,
      });
      return after;
    });
  }

  remove(user: RequestUser, id: string, note?: string): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id, true);
      const [{ members }] = await em.query(
        `SELECT count(*)::int AS members FROM staff WHERE team_id = $1`,
        [id],
      );
      if (members > 0) {
        throw new ConflictException(
          `the team has ${countText(members, 'staff member')} (terminated ones included); move them to another team first`,
        );
      }
      const before = await this.read(em, entity);
      // Its managers and coverage targets go with it (ON DELETE CASCADE).
      await em.delete(TeamEntity, { id });
      await this.audit.record(em, user, user.departmentId, {
        action: 'delete',
        entity: 'team',
        entityId: id,
        before,
        note,
      });
    });
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

  private async read(em: EntityManager, entity: TeamEntity): Promise<Team> {
    return (await this.readMany(em, [entity]))[0];
  }

  /** Teams with their managers and targets: two queries, whatever the number of teams. */
  private async readMany(em: EntityManager, teams: TeamEntity[]): Promise<Team[]> {
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

  private find(
    em: EntityManager,
    user: RequestUser,
    id: string,
    lock = false,
  ): Promise<TeamEntity> {
    return findInDepartment(em, TeamEntity, user.departmentId, id, 'team', lock);
  }
}
