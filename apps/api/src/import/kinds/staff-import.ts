import { randomUUID } from 'node:crypto';
import type { ImportFieldChange, StaffStatus } from '@him/contracts';
import { CreateStaffDto } from '../../staff/staff.dto';
import { StaffEntity } from '../../staff/staff.entity';
import { toStaff } from '../../staff/staff.service';
import { insertRows, updateVersionedRows } from '../batch-sql';
import {
  byLowerName,
  change,
  duplicateOf,
  importNote,
  knownNames,
  type ApplyContext,
  type ImportContext,
  type ImportHandler,
  type ImportPlan,
  type PlannedChange,
} from '../import-kind';
import type { ImportRow } from '../import-row';

interface Named {
  id: string;
  name: string;
}

interface StaffPayload {
  before: StaffEntity | null;
  after: StaffEntity;
}

const STAFF_COLUMNS = `id, department_id AS "departmentId", team_id AS "teamId", role_id AS "roleId", name, email,
  employee_id AS "employeeId", status, hire_date AS "hireDate", version`;

/**
 * Staff rows, matched by employee id. A member without an employee id whose email a row
 * carries is matched too (the first HR import of members entered by hand) and gets the id.
 */
export class StaffImport implements ImportHandler<StaffPayload> {
  readonly kind = 'staff' as const;
  readonly example = {
    employeeId: 'E-10442',
    name: 'Dana Whitfield',
    email: 'dana.whitfield@example.org',
    team: 'Coding',
    role: 'Medical Coder (Inpatient)',
    status: 'active',
    hireDate: new Date(Date.UTC(2021, 2, 15)),
  };

  async plan(ctx: ImportContext, rows: ImportRow[]): Promise<ImportPlan<StaffPayload>> {
    const dept = ctx.user.departmentId;
    const teams: Named[] = await ctx.em.query(
      `SELECT id, name FROM team WHERE department_id = $1`,
      [dept],
    );
    const roles: Named[] = await ctx.em.query(
      `SELECT id, name FROM job_role WHERE department_id = $1`,
      [dept],
    );
    const staff: StaffEntity[] = await ctx.em.query(
      `SELECT ${STAFF_COLUMNS} FROM staff WHERE department_id = $1`,
      [dept],
    );
    const teamByName = byLowerName(teams, (t) => t.name);
    const roleByName = byLowerName(roles, (r) => r.name);
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    const roleName = new Map(roles.map((r) => [r.id, r.name]));
    const byEmployeeId = new Map(
      staff.filter((s) => s.employeeId !== null).map((s) => [s.employeeId as string, s]),
    );
    const byEmail = byLowerName(staff, (s) => s.email);
    const seenEmployeeIds = new Map<string, number>();
    const seenEmails = new Map<string, number>();

    const plan: ImportPlan<StaffPayload> = { changes: [], errors: [] };
    for (const row of rows) {
      const employeeId = row.required('employeeId');
      const name = row.required('name');
      const email = row.required('email');
      const team = lookup(row, 'team', teamByName, 'team', 'teams', teams);
      const role = lookup(row, 'role', roleByName, 'job role', 'roles', roles);
      const status = row.required('status')?.toLowerCase();
      const hireDate = row.date('hireDate');
      if (hireDate === undefined) row.fail('hireDate', 'is required');
      row.validate(
        CreateStaffDto,
        { name, email, employeeId, teamId: team?.id, roleId: role?.id, status, hireDate },
        { teamId: 'team', roleId: 'role' },
      );
      if (employeeId !== undefined) {
        duplicateOf(row, seenEmployeeIds, employeeId, 'employeeId', `employee ID "${employeeId}"`);
      }
      if (email !== undefined) {
        duplicateOf(row, seenEmails, email.toLowerCase(), 'email', `email "${email}"`);
      }

      let before = employeeId !== undefined ? (byEmployeeId.get(employeeId) ?? null) : null;
      const sameEmail = email !== undefined ? byEmail.get(email.toLowerCase()) : undefined;
      if (sameEmail && sameEmail.id !== before?.id) {
        if (!before && sameEmail.employeeId === null) before = sameEmail;
        else
          row.fail(
            'email',
            `already used by ${sameEmail.name}${
              sameEmail.employeeId ? ` (employee ID ${sameEmail.employeeId})` : ''
            }`,
          );
      }
      if (!row.ok || !team || !role) {
        plan.errors.push(...row.errors());
        continue;
      }

      const after = Object.assign(new StaffEntity(), {
        id: before?.id ?? randomUUID(),
        departmentId: dept,
        teamId: team.id,
        roleId: role.id,
        name: name as string,
        email: email as string,
        employeeId: employeeId as string,
        status: status as StaffStatus,
        hireDate: hireDate as string,
        version: before ? before.version + 1 : 1,
      });
      const changes: ImportFieldChange[] = [];
      if (before) {
        change(changes, 'Employee ID', before.employeeId, after.employeeId);
        change(changes, 'Name', before.name, after.name);
        change(changes, 'Email', before.email, after.email);
        change(changes, 'Team', teamName.get(before.teamId) ?? null, team.name);
        change(changes, 'Role', roleName.get(before.roleId) ?? null, role.name);
        change(changes, 'Status', before.status, after.status);
        change(changes, 'Hire date', before.hireDate, after.hireDate);
      }
      plan.changes.push({
        line: row.line,
        action: !before ? 'create' : changes.length > 0 ? 'update' : 'unchanged',
        key: after.employeeId as string,
        values: {
          'Employee ID': after.employeeId,
          Name: after.name,
          Email: after.email,
          Team: team.name,
          Role: role.name,
          Status: after.status,
          'Hire date': after.hireDate,
        },
        changes,
        payload: { before, after },
      });
    }
    return plan;
  }

  async apply(ctx: ApplyContext, changes: PlannedChange<StaffPayload>[]): Promise<void> {
    const updates = changes.filter((c) => c.action === 'update');
    const creates = changes.filter((c) => c.action === 'create');
    // Updates first, so an email one member gives up is free for a new member of the file.
    await updateVersionedRows(
      ctx.em,
      'staff',
      'staff member',
      [
        'team_id::uuid',
        'role_id::uuid',
        'name::text',
        'email::text',
        'employee_id::text',
        'status::text',
        'hire_date::date',
      ],
      updates.map(({ payload: { before, after } }) => [
        after.id,
        (before as StaffEntity).version,
        after.teamId,
        after.roleId,
        after.name,
        after.email,
        after.employeeId,
        after.status,
        after.hireDate,
      ]),
    );
    await insertRows(
      ctx.em,
      'staff',
      [
        'id::uuid',
        'department_id::uuid',
        'team_id::uuid',
        'role_id::uuid',
        'name::text',
        'email::text',
        'employee_id::text',
        'status::text',
        'hire_date::date',
        'version::int',
      ],
      creates.map(({ payload: { after } }) => [
        after.id,
        after.departmentId,
        after.teamId,
        after.roleId,
        after.name,
        after.email,
        after.employeeId,
        after.status,
        after.hireDate,
        1,
      ]),
    );
    for (const c of changes) {
      const { before, after } = c.payload;
      ctx.audit.add({
        action: before ? 'update' : 'create',
        entity: 'staff',
        entityId: after.id,
        ...(before ? { before: toStaff(before) } : {}),
        after: toStaff(after),
        note: importNote(ctx, c.line),
      });
    }
  }
}

/** A team or role named in a row, by name without case; an unknown name is the row's problem. */
function lookup(
  row: ImportRow,
  key: string,
  byName: Map<string, Named>,
  what: string,
  plural: string,
  all: Named[],
): Named | undefined {
  const name = row.required(key);
  if (name === undefined) return undefined;
  const found = byName.get(name.toLowerCase());
  if (!found) {
    row.fail(
      key,
      `no ${what} named "${name}"${knownNames(
        all.map((n) => n.name),
        plural,
      )}`,
    );
  }
  return found;
}
