import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { notFound } from './errors';

/**
 * One record of the caller's department by id, or 404 naming `what` (another department's
 * record answers exactly like a missing one). With `lock`, the row is locked for update
 * until the transaction ends, the first step of every versioned change.
 */
export async function findInDepartment<T extends { id: string; departmentId: string }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  departmentId: string,
  id: string,
  what: string,
  lock = false,
): Promise<T> {
  const found = await em.findOne(entity, {
    where: { id, departmentId } as FindOptionsWhere<T>,
    lock: lock ? { mode: 'pessimistic_write' } : undefined,
    // PostgreSQL cannot lock the nullable side of the join that eager relations add.
    loadEagerRelations: !lock,
  });
  if (!found) throw notFound(what);
  return found;
}
