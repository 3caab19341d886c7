import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CalendarToken, CreatedCalendarToken, Page } from '@him/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import type { RequestUser } from '../auth/request-user';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/errors';
import type { PageQuery } from '../common/pagination';
import { feedPath, hashFeedSecret, newFeedSecret } from './calendar-secret';
import { CalendarTokenEntity } from './calendar-token.entity';
import type { CreateCalendarTokenDto } from './calendar-token.dto';

/** Enough for every device and calendar a person uses; more is a sign of lost tokens. */
export const MAX_ACTIVE_TOKENS_PER_USER = 20;

export function toCalendarToken(e: CalendarTokenEntity): CalendarToken {
  return {
    id: e.id,
    userId: e.userId,
    label: e.label,
    scope: e.scope,
    createdAt: e.createdAt.toISOString(),
    lastUsedAt: e.lastUsedAt ? e.lastUsedAt.toISOString() : null,
    revokedAt: e.revokedAt ? e.revokedAt.toISOString() : null,
  };
}

/**
 * Calendar feed tokens: created for the caller (the secret is in the answer and nowhere
 * else: the database keeps its SHA-256, the audit trail only the metadata), listed without
 * the secret, revoked by their owner or by an admin of the department.
 */
@Injectable()
export class CalendarTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
  ) {}

  async list(user: RequestUser, page: PageQuery): Promise<Page<CalendarToken>> {
    const [rows, total] = await this.dataSource.getRepository(CalendarTokenEntity).findAndCount({
      where: { userId: user.id, departmentId: user.departmentId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: rows.map(toCalendarToken), total };
  }

  create(user: RequestUser, dto: CreateCalendarTokenDto): Promise<CreatedCalendarToken> {
    if (dto.scope === 'teams' && !this.access.canFollowTeams(user)) {
      throw new ForbiddenException([
        "scope: only managers and admins may subscribe to their teams' deadlines; use 'self'",
      ]);
    }
    if (dto.scope === 'self' && !user.staffId) {
      throw new BadRequestException([
        "scope: your account is not linked to a staff record, so it has no deadlines of its own; use 'teams'",
      ]);
    }
    return this.dataSource.transaction(async (em) => {
      // Serialises one user's concurrent creations so the limit holds.
      await em.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [user.id]);
      const active = await em.count(CalendarTokenEntity, {
        where: { userId: user.id, revokedAt: IsNull() },
      });
      if (active >= MAX_ACTIVE_TOKENS_PER_USER) {
        throw new ConflictException(
          `you have ${active} active calendar feeds; revoke one you no longer use before creating another`,
        );
      }
      const secret = newFeedSecret();
      const saved = await em.save(
        em.create(CalendarTokenEntity, {
          departmentId: user.departmentId,
          userId: user.id,
          label: dto.label?.trim() || null,
          scope: dto.scope,
          tokenHash: hashFeedSecret(secret),
          createdAt: new Date(),
          lastUsedAt: null,
          revokedAt: null,
          revokedByUserId: null,
        }),
      );
      const token = await this.audit.created(em, user, 'calendar_token', toCalendarToken(saved));
      return { ...token, token: secret, feedUrl: feedPath(secret) };
    });
  }

  /** Own tokens; an admin may revoke any of the department (a lost phone, a leaver). */
  revoke(user: RequestUser, id: string): Promise<CalendarToken> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id);
      if (entity.revokedAt !== null) {
        throw new ConflictException(
          `the calendar feed was already revoked on ${entity.revokedAt.toISOString()}`,
        );
      }
      const before = toCalendarToken(entity);
      const revoked = { revokedAt: new Date(), revokedByUserId: user.id };
      await em.update(CalendarTokenEntity, { id }, revoked);
      const after = toCalendarToken({ ...entity, ...revoked });
      await this.audit.record(em, user, user.departmentId, {
        action: 'revoke',
        entity: 'calendar_token',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  private async find(
    em: EntityManager,
    user: RequestUser,
    id: string,
  ): Promise<CalendarTokenEntity> {
    const entity = await em.findOne(CalendarTokenEntity, {
      where: { id, departmentId: user.departmentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!entity || !this.access.canRevokeCalendarFeed(user, entity.userId)) {
      throw notFound('calendar feed');
    }
    return entity;
  }
}
