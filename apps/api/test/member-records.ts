import { randomUUID } from 'node:crypto';
import { hashPassword } from '../src/auth/passwords';
import { PASSWORD, type DepartmentFixture } from './fixtures';
import type { TestApp } from './test-app';

/**
 * Rows the member-record tests need but whose endpoints are built elsewhere (skills,
 * credential types, teams), inserted with SQL, plus audit and row-count probes.
 */

export async function insertSkill(
  t: TestApp,
  departmentId: string,
  name = `Skill ${randomUUID().slice(0, 6)}`,
): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO skill (department_id, name, category) VALUES ($1, $2, 'technical') RETURNING id`,
    [departmentId, name],
  );
  return id;
}

export async function insertCredentialType(
  t: TestApp,
  departmentId: string,
  code = `T${randomUUID().slice(0, 6)}`,
  issuingBody = 'AHIMA',
): Promise<string> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO credential_type (department_id, code, name, issuing_body, base_ceus) VALUES ($1, $2, $2, $3, 20) RETURNING id`,
    [departmentId, code, issuingBody],
  );
  return id;
}

export interface SecondTeam {
  teamId: string;
  /** the second team's manager (a member of it) and a plain member of it */
  managerStaffId: string;
  memberStaffId: string;
  managerToken: string;
}

/** Another team of the same department with its own manager, who does not manage the fixture's team. */
export async function addTeamWithManager(
  t: TestApp,
  dept: DepartmentFixture,
  name = 'Release of Information',
): Promise<SecondTeam> {
  const label = randomUUID().slice(0, 8);
  const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
  const [{ id: teamId }] = await q(
    `INSERT INTO team (department_id, name) VALUES ($1, $2) RETURNING id`,
    [dept.departmentId, name],
  );
  const member = async (who: string) => {
    const [{ id }] = await q(
      `INSERT INTO staff (department_id, team_id, role_id, name, email, status, hire_date)
       VALUES ($1, $2, $3, $4, $5, 'active', '2021-05-03') RETURNING id`,
      [
        dept.departmentId,
        teamId,
        dept.roleId,
        who,
        `${who.toLowerCase().replace(/\W+/g, '.')}.${label}@example.org`,
      ],
    );
    return id as string;
  };
  const managerStaffId = await member('Rita Roi');
  const memberStaffId = await member('Ben Roi');
  await q(`INSERT INTO team_manager (team_id, staff_id) VALUES ($1, $2)`, [teamId, managerStaffId]);
  const email = `roi.manager.${label}@example.org`;
  await q(
    `INSERT INTO app_user (department_id, email, password_hash, role, staff_id) VALUES ($1, $2, $3, 'manager', $4)`,
    [dept.departmentId, email, await hashPassword(PASSWORD), managerStaffId],
  );
  const res = await t
    .http()
    .post('/api/v1/auth/login')
    .send({ email, password: PASSWORD })
    .expect(200);
  return { teamId, managerStaffId, memberStaffId, managerToken: res.body.accessToken };
}

export async function countRows(t: TestApp, table: string): Promise<number> {
  return Number((await t.dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);
}

export interface AuditRow {
  action: string;
  entity: string;
  user_email: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
}

/** The audit trail of one record, oldest first. */
export function auditOf(t: TestApp, entityId: string): Promise<AuditRow[]> {
  return t.dataSource.query(
    `SELECT action, entity, user_email, before, after, note FROM audit_event WHERE entity_id = $1 ORDER BY at, id`,
    [entityId],
  );
}

/** A calendar date `days` from today (UTC, the fixture departments' zone). */
export function daysFromToday(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
