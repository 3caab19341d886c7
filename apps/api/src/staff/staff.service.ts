import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, Staff, StaffDetail } from '@him/contracts';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import type { RequestUser } from '../auth/request-user';
import { AuditService } from '../audit/audit.service';
import { assertVersion } from '../common/errors';
import { findInDepartment } from '../common/find-in-department';
import { staffReferences } from './staff-references';
import { StaffEntity } from './staff.entity';
import type { CreateStaffDto, StaffQuery, UpdateStaffDto } from './staff.dto';

export function toStaff(e: StaffEntity): Staff {
  return {
    id: e.id,
    name: e.name,
    email: e.email,
    employeeId: e.employeeId,
    teamId: e.teamId,
    roleId: e.roleId,
    status: e.status,
    hireDate: e.hireDate,
    version: e.version,
  };
}

/** `q` as a LIKE pattern that matches the text anywhere, its own % and _ taken literally. */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
  ) {}

  async list(user: RequestUser, query: StaffQuery): Promise<Page<Staff>> {
    const visible = this.access.visibleStaffIds(user);
    if (visible !== 'all' && visible.length === 0) return { items: [], total: 0 };
    const qb = this.dataSource
      .getRepository(StaffEntity)
      .createQueryBuilder('s')
      .where('s.department_id = :dept', { dept: user.departmentId });
    if (visible !== 'all') qb.andWhere('s.id IN (:...visible)', { visible });
    if (query.teamId) qb.andWhere('s.team_id = :teamId', { teamId: query.teamId });
    if (query.roleId) qb.andWhere('s.role_id = :roleId', { roleId: query.roleId });
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    const q = query.q?.trim();
    if (q) {
      const pattern = containsPattern(q);
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('s.name ILIKE :pattern', { pattern })
            .orWhere('s.email ILIKE :pattern', { pattern })
            .orWhere('s.employee_id ILIKE :pattern', { pattern }),
        ),
      );
    }
    const [rows, total] = await qb
      .orderBy('lower(s.name)', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items: rows.map(toStaff), total };
  }

  /** The member with what the caller may do to them (AccessPolicy.memberActions). */
  async get(user: RequestUser, id: string): Promise<StaffDetail> {
    const em = this.dataSource.manager;
    const member = await this.access.visibleStaff(user, id, em);
    return { ...toStaff(member), can: await this.access.memberActions(user, member, em) };
  }

  create(user: RequestUser, dto: CreateStaffDto): Promise<Staff> {
    return this.dataSource.transaction(async (em) => {
      await this.assertTeamAndRole(em, user, dto.teamId, dto.roleId);
      const saved = await em.save(
        em.create(StaffEntity, {
          departmentId: user.departmentId,
          teamId: dto.teamId,
          roleId: dto.roleId,
          name: dto.name.trim(),
          email: dto.email.trim(),
          employeeId: dto.employeeId?.trim() || null,
          status: dto.status,
          hireDate: dto.hireDate,
          version: 1,
        }),
      );
      return this.audit.created(em, user, 'staff', toStaff(saved));
    });
  }

  update(user: RequestUser, id: string, dto: UpdateStaffDto): Promise<Staff> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id, true);
      assertVersion('staff member', entity.version, dto.version);
      await this.assertTeamAndRole(em, user, dto.teamId, dto.roleId);
      const before = toStaff(entity);
      if (dto.name !== undefined) entity.name = dto.name.trim();
      if (dto.email !== undefined) entity.email = dto.email.trim();
      if (dto.employeeId !== undefined) entity.employeeId = dto.employeeId?.trim() || null;
      if (dto.teamId !== undefined) entity.teamId = dto.teamId;
      if (dto.roleId !== undefined) entity.roleId = dto.roleId;
      if (dto.status !== undefined) entity.status = dto.status;
      if (dto.hireDate !== undefined) entity.hireDate = dto.hireDate;
      entity.version += 1;
      const after = toStaff(await em.save(entity));
      return this.audit.updated(em, user, 'staff', id, { before, after, note: dto.note });
    });
  }

  /**
   * Deletes a record created by mistake, with its audit event (the trail keeps what it was).
   * Anything that refers to the member (credentials, CE activities, assessments, a sign-in
   * account, a team they manage) keeps it: 409 naming those, and terminating is the way.
   */
  remove(user: RequestUser, id: string, note?: string): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id, true);
      const refs = await staffReferences(em, id);
      if (refs.length > 0) {
        throw new ConflictException(
          `${entity.name} has ${refs.join(', ')}: only a record created by mistake, with nothing on it, can be deleted. Set the status to terminated instead; the history stays.`,
        );
      }
      await em.delete(StaffEntity, { id });
      await this.audit.deleted(em, user, 'staff', id, { before: toStaff(entity), note });
    });
  }

  /** A team or role of another department (or none) is bad input naming the field, not a 404. */
  private async assertTeamAndRole(
    em: EntityManager,
    user: RequestUser,
    teamId?: string,
    roleId?: string,
  ): Promise<void> {
    const problems: string[] = [];
    if (teamId !== undefined) {
      const rows = await em.query(
        `SELECT 1 FROM team WHERE id = $1 AND department_id = $2 FOR SHARE`,
        [teamId, user.departmentId],
      );
      if (rows.length === 0) problems.push('teamId must be a team of your department');
    }
    if (roleId !== undefined) {
      const rows = await em.query(
        `SELECT 1 FROM job_role WHERE id = $1 AND department_id = $2 FOR SHARE`,
        [roleId, user.departmentId],
      );
      if (rows.length === 0) problems.push('roleId must be a job role of your department');
    }
    if (problems.length > 0) throw new BadRequestException(problems);
  }

  private find(
    em: EntityManager,
    user: RequestUser,
    id: string,
    lock = false,
  ): Promise<StaffEntity> {
    return findInDepartment(em, StaffEntity, user.departmentId, id, 'staff member', lock);
  }
}
