import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page } from '@him/contracts';
import {
  DataSource,
  type EntityManager,
  type EntityTarget,
  type FindOptionsOrder,
  type FindOptionsWhere,
} from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../auth/request-user';
import { assertVersion } from './errors';
import { findInDepartment } from './find-in-department';
import type { PageQuery } from './pagination';

/** A catalog record's row: one department's, versioned for optimistic concurrency. */
export interface CatalogRow {
  id: string;
  departmentId: string;
  version: number;
}

/** What a PATCH of a catalog record always carries: the version it was read at, and why. */
export interface CatalogChange {
  version: number;
  note?: string;
}

export interface CatalogSpec<E extends CatalogRow> {
  entity: EntityTarget<E>;
  /** the name in the audit trail: `credential-type` */
  auditEntity: string;
  /** the name in 404 and version messages: `credential type` */
  what: string;
  /** the list's order, a unique one so that pages do not overlap */
  order: FindOptionsOrder<E>;
}

/**
 * The department's catalog (skills, credential types, CE rules, roles, teams), written one way:
 * list and get within the caller's department, each change in one transaction that locks the row,
 * checks the version the client read, and audits the record before and after; a delete refused
 * with 409 while the record is in use. A catalog says what its records are made of in the hooks.
 * A record is named by its id unless a catalog's `find` names it otherwise (a CE rule by its
 * issuing body).
 */
@Injectable()
export abstract class CatalogService<E extends CatalogRow, T, C, U extends CatalogChange> {
  protected abstract readonly spec: CatalogSpec<E>;

  constructor(
    @InjectDataSource() protected readonly dataSource: DataSource,
    protected readonly audit: AuditService,
  ) {}

  /** The records as the API gives them, read together (a catalog with children reads them at once). */
  protected abstract toRecords(em: EntityManager, rows: E[]): T[] | Promise<T[]>;

  /** Checks the request and writes the new row with what it holds; the row is read back after. */
  protected abstract insert(em: EntityManager, user: RequestUser, dto: C): Promise<E>;

  /**
   * Checks the request and writes its changes to the locked row (the version checked), with the
   * next version (`nextVersion`); the row returned is read back after.
   */
  protected abstract change(em: EntityManager, user: RequestUser, row: E, dto: U): Promise<E>;

  /** Why the row cannot be deleted now (409), or nothing: it may go. */
  protected abstract inUse(em: EntityManager, row: E): Promise<string | undefined>;

  /** The row of the caller's department that `key` names, or 404; `lock` for a change. */
  protected find(em: EntityManager, user: RequestUser, key: string, lock = false): Promise<E> {
    return findInDepartment(em, this.spec.entity, user.departmentId, key, this.spec.what, lock);
  }

  protected async read(em: EntityManager, row: E): Promise<T> {
    return (await this.toRecords(em, [row]))[0];
  }

  /** Saves the row's changed fields with the next version. */
  protected nextVersion(em: EntityManager, row: E): Promise<E> {
    row.version += 1;
    return em.save(row);
  }

  async list(user: RequestUser, page: PageQuery): Promise<Page<T>> {
    const [rows, total] = await this.dataSource.getRepository(this.spec.entity).findAndCount({
      where: { departmentId: user.departmentId } as FindOptionsWhere<E>,
      order: this.spec.order,
      take: page.limit,
      skip: page.offset,
    });
    return { items: await this.toRecords(this.dataSource.manager, rows), total };
  }

  async get(user: RequestUser, key: string): Promise<T> {
    const em = this.dataSource.manager;
    return this.read(em, await this.find(em, user, key));
  }

  create(user: RequestUser, dto: C): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      const saved = await this.insert(em, user, dto);
      const after = await this.read(em, saved);
      await this.audit.record(em, user, user.departmentId, {
        action: 'create',
        entity: this.spec.auditEntity,
        entityId: saved.id,
        after,
      });
      return after;
    });
  }

  update(user: RequestUser, key: string, dto: U): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.find(em, user, key, true);
      assertVersion(this.spec.what, row.version, dto.version);
      const before = await this.read(em, row);
      const after = await this.read(em, await this.change(em, user, row, dto));
      return this.audit.updated(em, user, this.spec.auditEntity, row.id, {
        before,
        after,
        note: dto.note,
      });
    });
  }

  remove(user: RequestUser, key: string, note?: string): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.find(em, user, key, true);
      const refusal = await this.inUse(em, row);
      if (refusal !== undefined) throw new ConflictException(refusal);
      const before = await this.read(em, row);
      // What the row holds (requirements, managers, evidenced skills) goes with it (ON DELETE CASCADE).
      await em.delete(this.spec.entity, { id: row.id } as FindOptionsWhere<E>);
      await this.audit.deleted(em, user, this.spec.auditEntity, row.id, { before, note });
    });
  }
}
