import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEvent, Page } from '@him/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import { AuditEventEntity } from './audit-event.entity';
import type { AuditQuery } from './audit.dto';

export interface AuditEntry {
  action: AuditEvent['action'];
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

/**
 * R16: every mutation records who, when, what changed (before and after) and why. The
 * event is written with the caller's EntityManager, inside the mutation's transaction, so
 * a change and its audit event are committed together or not at all.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(
    em: EntityManager,
    actor: RequestUser | null,
    departmentId: string,
    entry: AuditEntry,
  ): Promise<void> {
    await insertAuditEvent(em, {
      departmentId,
      userId: actor?.id ?? null,
      userEmail: actor?.email ?? null,
      ...entry,
    });
  }

  /**
   * Records that the caller created `record` in their department (the record as the API gives
   * it, under its own id), and gives it back.
   */
  async created<T extends { id: string }>(
    em: EntityManager,
    user: RequestUser,
    entity: string,
    record: T,
    note?: string,
  ): Promise<T> {
    await this.record(em, user, user.departmentId, {
      action: 'create',
      entity,
      entityId: record.id,
      after: record,
      note,
    });
    return record;
  }

  /** Records that the caller changed the record `entityId` of their department, and gives `after` back. */
  async updated<T>(
    em: EntityManager,
    user: RequestUser,
    entity: string,
    entityId: string,
    change: { before: unknown; after: T; note?: string | null },
  ): Promise<T> {
    await this.record(em, user, user.departmentId, {
      action: 'update',
      entity,
      entityId,
      ...change,
    });
    return change.after;
  }

  /** Records that the caller deleted the record `entityId` of their department (`before`: what it was). */
  async deleted(
    em: EntityManager,
    user: RequestUser,
    entity: string,
    entityId: string,
    gone: { before: unknown; note?: string | null },
  ): Promise<void> {
    await this.record(em, user, user.departmentId, { action: 'delete', entity, entityId, ...gone });
  }

  async list(user: RequestUser, query: AuditQuery): Promise<Page<AuditEvent>> {
    const qb = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('a')
      .where('a.department_id = :dept', { dept: user.departmentId });
    if (query.entity) qb.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.staffId) {
      qb.andWhere(
        `((a.entity = 'staff' AND a.entity_id = :staffId) OR coalesce(a.after->>'staffId', a.before->>'staffId') = :staffIdText)`,
        { staffId: query.staffId, staffIdText: query.staffId },
      );
    }
    if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.at < (:to::date + 1)', { to: query.to });
    const [rows, total] = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items: rows.map(toAuditEvent), total };
  }
}

/** The one INSERT of an audit event; jsonb columns get JSON text. */
export async function insertAuditEvent(
  em: EntityManager,
  e: AuditEntry & { departmentId: string; userId?: string | null; userEmail?: string | null },
): Promise<void> {
  await em.query(
    `INSERT INTO audit_event (department_id, user_id, user_email, action, entity, entity_id, before, after, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)`,
    [
      e.departmentId,
      e.userId ?? null,
      e.userEmail ?? null,
      e.action,
      e.entity,
      e.entityId,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.note ?? null,
    ],
  );
}

export function toAuditEvent(row: AuditEventEntity): AuditEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    userId: row.userId,
    userEmail: row.userEmail,
    action: row.action as AuditEvent['action'],
    entity: row.entity,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    note: row.note,
  };
}
