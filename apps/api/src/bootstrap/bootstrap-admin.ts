import type { DataSource } from 'typeorm';
import { insertAuditEvent } from '../audit/audit.service';
import { passwordProblem } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { DepartmentEntity } from '../departments/department.entity';
import { UserEntity } from '../users/user.entity';

export const DEFAULT_DEPARTMENT_NAME = 'Health Information Management';

/**
 * ADMIN_EMAIL / ADMIN_PASSWORD: a real department starts empty with one admin account.
 * Idempotent: an existing account with that email is left as it is (its password is not
 * reset, so a changed password survives restarts).
 */
export async function ensureAdmin(
  dataSource: DataSource,
  email: string,
  password: string,
): Promise<'created' | 'exists'> {
  // validateEnv refuses a weak ADMIN_PASSWORD at start already; a caller of its own is held to it too.
  const problem = passwordProblem(password, [email]);
  if (problem) throw new Error(`ADMIN_PASSWORD ${problem}`);
  const passwordHash = await hashPassword(password);
  return dataSource.transaction(async (em) => {
    // One bootstrap at a time, even with two servers starting together.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('him-readiness:bootstrap-admin'))`);
    const existing = await em.query(`SELECT id FROM app_user WHERE lower(email) = lower($1)`, [
      email,
    ]);
    if (existing.length > 0) return 'exists';
    let department = await em.findOne(DepartmentEntity, { where: {}, order: { createdAt: 'ASC' } });
    if (!department) {
      department = await em.save(
        em.create(DepartmentEntity, {
          name: DEFAULT_DEPARTMENT_NAME,
          timeZone: 'UTC',
          requireVerification: false,
          expiryWarningDays: 90,
          reminderLeadDays: [90, 60, 30, 7],
          version: 1,
        }),
      );
    }
    const user = await em.save(
      em.create(UserEntity, {
        departmentId: department.id,
        email,
        passwordHash,
        role: 'admin',
        staffId: null,
        active: true,
        version: 1,
      }),
    );
    await insertAuditEvent(em, {
      departmentId: department.id,
      action: 'create',
      entity: 'user',
      entityId: user.id,
      after: { id: user.id, email, role: 'admin', staffId: null, active: true },
      note: 'bootstrap admin from ADMIN_EMAIL',
    });
    return 'created';
  });
}
