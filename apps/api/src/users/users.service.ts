import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, User } from '@him/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import { hashPassword } from '../auth/passwords';
import { SessionStore } from '../auth/sessions';
import { keepsUserManagement } from '../auth/permissions';
import { AuditService } from '../audit/audit.service';
import { assertVersion } from '../common/errors';
import { findInDepartment } from '../common/find-in-department';
import type { PageQuery } from '../common/pagination';
import { UserEntity } from './user.entity';
import type { CreateUserDto, UpdateUserDto } from './user.dto';

/** The account as the API shows it: never the password hash. */
export function toUser(e: UserEntity): User {
  return {
    id: e.id,
    email: e.email,
    role: e.role,
    staffId: e.staffId,
    active: e.active,
    version: e.version,
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionStore,
  ) {}

  async list(user: RequestUser, page: PageQuery): Promise<Page<User>> {
    const [rows, total] = await this.dataSource.getRepository(UserEntity).findAndCount({
      where: { departmentId: user.departmentId },
      order: { email: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: rows.map(toUser), total };
  }

  async get(user: RequestUser, id: string): Promise<User> {
    return toUser(await this.find(this.dataSource.manager, user, id));
  }

  async create(user: RequestUser, dto: CreateUserDto): Promise<User> {
    const staffId = dto.staffId ?? null;
    assertStaffLink(dto.role, staffId);
    // Hashing takes a while on purpose: do it before the transaction, not while holding it.
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (em) => {
      if (staffId) await this.assertStaff(em, user, staffId);
      const saved = await em.save(
        em.create(UserEntity, {
          departmentId: user.departmentId,
          email: dto.email.trim().toLowerCase(),
          passwordHash,
          role: dto.role,
          staffId,
          active: true,
          version: 1,
        }),
      );
      return this.audit.created(em, user, 'user', toUser(saved));
    });
  }

  /**
   * A new password signs the account out everywhere (but the session making the change, when
   * someone changes their own); deactivating it signs it out everywhere, and reactivating it
   * later does not bring those sessions back.
   */
  async update(
    user: RequestUser,
    id: string,
    dto: UpdateUserDto,
    callerSessionId: string | null = null,
  ): Promise<User> {
    // So that a department never loses its last admin, nobody can demote or lock themselves out.
    if (id === user.id && dto.role !== undefined && !keepsUserManagement(dto.role)) {
      throw new ConflictException('role: you cannot change your own role; ask another admin');
    }
    if (id === user.id && dto.active === false) {
      throw new ConflictException(
        'active: you cannot deactivate your own account; ask another admin',
      );
    }
    const passwordHash = dto.password === undefined ? undefined : await hashPassword(dto.password);
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id, true);
      assertVersion('user', entity.version, dto.version);
      const before = toUser(entity);
      const role = dto.role ?? entity.role;
      if (
        (dto.active === false || !keepsUserManagement(role)) &&
        keepsUserManagement(entity.role)
      ) {
        await this.assertNotBreakGlass(em, id);
      }
      const staffId = dto.staffId === undefined ? entity.staffId : dto.staffId;
      assertStaffLink(role, staffId);
      if (dto.staffId) await this.assertStaff(em, user, dto.staffId);
      const changes: Partial<UserEntity> = { role, staffId, version: entity.version + 1 };
      if (dto.active !== undefined) changes.active = dto.active;
      if (passwordHash !== undefined) changes.passwordHash = passwordHash;
      await em.update(UserEntity, { id }, changes);
      if (dto.active === false && entity.active) {
        await this.sessions.revokeAllOf(em, id, 'deactivated');
      } else if (passwordHash !== undefined) {
        await this.sessions.revokeAllOf(em, id, 'password-changed', callerSessionId);
      }
      const after = toUser(await this.find(em, user, id));
      await this.audit.updated(em, user, 'user', id, {
        before,
        // The password itself is never recorded, only that it was changed.
        after: passwordHash === undefined ? after : { ...after, passwordChanged: true },
        note: dto.note,
      });
      return after;
    });
  }

  /** The break-glass admin of a department without password sign-in stays an active admin. */
  private async assertNotBreakGlass(em: EntityManager, userId: string): Promise<void> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM department WHERE break_glass_user_id = $1 AND NOT password_sign_in`,
      [userId],
    );
    if (rows.length > 0) {
      throw new ConflictException(
        'this account is the break-glass admin while password sign-in is off; choose another break-glass admin in the department settings first',
      );
    }
  }

  private async assertStaff(em: EntityManager, user: RequestUser, staffId: string): Promise<void> {
    const rows = await em.query(`SELECT 1 FROM staff WHERE id = $1 AND department_id = $2`, [
      staffId,
      user.departmentId,
    ]);
    if (rows.length === 0)
      throw new BadRequestException(['staffId: no staff member with this id in the department']);
  }

  private find(
    em: EntityManager,
    user: RequestUser,
    id: string,
    lock = false,
  ): Promise<UserEntity> {
    return findInDepartment(em, UserEntity, user.departmentId, id, 'user', lock);
  }
}

/** A staff account is always someone's: it reads that member's own records. */
function assertStaffLink(role: User['role'], staffId: string | null): void {
  if (role === 'staff' && !staffId) {
    throw new BadRequestException(['staffId: required for an account with the staff role']);
  }
}
