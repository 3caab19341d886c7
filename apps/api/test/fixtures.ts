import { randomUUID } from 'node:crypto';
import type { UserRole } from '@him/contracts';
import { hashPassword } from '../src/auth/passwords';
import type { TestApp } from './test-app';

export const PASSWORD = 'correct horse battery staple';

export interface DepartmentFixture {
  departmentId: string;
  teamId: string;
  roleId: string;
  /** staff ids of the manager and the staff user, and of another member nobody logs in as */
  managerStaffId: string;
  staffStaffId: string;
  otherStaffId: string;
  tokens: Record<UserRole, string>;
  emails: Record<UserRole, string>;
}

let passwordHash: Promise<string> | undefined;

/**
 * A department with one team and one role, three members, and an admin, a manager (who
 * manages the team) and a staff account, each logged in through the real endpoint.
 */
export async function createDepartment(
  t: TestApp,
  label = randomUUID().slice(0, 8),
): Promise<DepartmentFixture> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
  const [{ id: departmentId }] = await q(
    `INSERT INTO department (name, time_zone) VALUES ($1, 'UTC') RETURNING id`,
    [`HIM ${label}`],
  );
  const [{ id: teamId }] = await q(
    `INSERT INTO team (department_id, name) VALUES ($1, 'Coding') RETURNING id`,
    [departmentId],
  );
  const [{ id: roleId }] = await q(
    `INSERT INTO job_role (department_id, name) VALUES ($1, 'Medical Coder') RETURNING id`,
    [departmentId],
  );
  const staff = async (name: string) => {
    const [{ id }] = await q(
      `INSERT INTO staff (department_id, team_id, role_id, name, email, status, hire_date)
       VALUES ($1, $2, $3, $4, $5, 'active', '2020-01-06') RETURNING id`,
      [
        departmentId,
        teamId,
        roleId,
        name,
        `${name.toLowerCase().replace(/\W+/g, '.')}.${label}@example.org`,
      ],
    );
    return id as string;
  };
  const managerStaffId = await staff('Maria Manager');
  const staffStaffId = await staff('Sam Staff');
  const otherStaffId = await staff('Olga Other');
  await q(`INSERT INTO team_manager (team_id, staff_id) VALUES ($1, $2)`, [teamId, managerStaffId]);

  const emails = {
    admin: `admin.${label}@example.org`,
    manager: `manager.${label}@example.org`,
    staff: `staff.${label}@example.org`,
  };
  const accounts: [UserRole, string | null][] = [
    ['admin', null],
    ['manager', managerStaffId],
    ['staff', staffStaffId],
  ];
  const tokens = {} as Record<UserRole, string>;
  for (const [role, staffId] of accounts) {
    await q(
      `INSERT INTO app_user (department_id, email, password_hash, role, staff_id) VALUES ($1, $2, $3, $4, $5)`,
      [departmentId, emails[role], hash, role, staffId],
    );
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: emails[role], password: PASSWORD })
      .expect(200);
    tokens[role] = res.body.accessToken;
  }
  return {
    departmentId,
    teamId,
    roleId,
    managerStaffId,
    staffStaffId,
    otherStaffId,
    tokens,
    emails,
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Requests to the running app as the holder of `token` (the Authorization header set), with the
 * body sent where one is given: `await caller(t, d.tokens.staff).post(path, body).expect(201)`.
 */
export function caller(t: TestApp, token: string) {
  const send = (req: ReturnType<ReturnType<TestApp['http']>['post']>, body?: unknown) =>
    body === undefined ? req : req.send(body as object);
  return {
    get: (path: string) => t.http().get(path).set(bearer(token)),
    post: (path: string, body?: unknown) => send(t.http().post(path).set(bearer(token)), body),
    patch: (path: string, body?: unknown) => send(t.http().patch(path).set(bearer(token)), body),
    put: (path: string, body?: unknown) => send(t.http().put(path).set(bearer(token)), body),
    delete: (path: string, body?: unknown) => send(t.http().delete(path).set(bearer(token)), body),
  };
}
