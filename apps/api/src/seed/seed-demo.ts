import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { insertAuditEvent } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import { CeActivityCredentialEntity, CeActivityEntity } from '../ce-activities/ce-activity.entity';
import { CeRuleEntity } from '../ce-rules/ce-rule.entity';
import {
  CredentialTypeEntity,
  CredentialTypeSkillEntity,
  CredentialTypeSupersessionEntity,
} from '../credential-types/credential-type.entity';
import { CredentialEntity } from '../credentials/credential.entity';
import { addDays, todayIn } from '@him/domain';
import { FactsRepository } from '../readiness/facts.repository';
import { runRulesTask } from '../readiness/rules-task';
import { SNAPSHOT_TREND_DAYS, upsertSnapshot } from '../readiness/snapshots';
import { DepartmentEntity } from '../departments/department.entity';
import { RequirementCredentialTypeEntity, RequirementEntity } from '../roles/requirement.entity';
import { RoleEntity } from '../roles/role.entity';
import { SkillEntity } from '../skills/skill.entity';
import { StaffEntity } from '../staff/staff.entity';
import { TeamEntity, TeamManagerEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';
import { buildDemoDepartment, type DemoDepartment, type DemoRequirement } from './demo-department';

const DEMO_TIME_ZONE = 'America/Chicago';
/** One day in milliseconds. */
const DAY_MS = 86_400_000;

/** The demo accounts, as the console and the README print them. */
export const DEMO_LOGINS = buildDemoDepartment('2026-01-01').users.map(
  ({ label, email, password, role }) => ({
    label,
    email,
    password,
    role,
  }),
);

/**
 * Seeds the demo department when the database holds no department yet. Returns whether
 * it did. Dates are relative to today, so the demo always has credentials about to lapse.
 */
export async function seedDemoIfEmpty(
  dataSource: DataSource,
  today: string = todayIn(DEMO_TIME_ZONE, new Date()),
): Promise<boolean> {
  const [{ count: existing }] = await dataSource.query(
    `SELECT count(*)::int AS count FROM department`,
  );
  if (existing > 0) return false;
  const demo = buildDemoDepartment(today);
  const hashes = new Map<string, string>();
  for (const user of demo.users) hashes.set(user.email, await hashPassword(user.password));
  const departmentId = await dataSource.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('him-readiness:seed'))`);
    const [{ count }] = await em.query(`SELECT count(*)::int AS count FROM department`);
    if (count > 0) return null;
    return (await loadDemoDepartment(em, demo, hashes)).departmentId;
  });
  if (departmentId === null) return false;
  await seedDemoSnapshots(dataSource, departmentId, today);
  return true;
}

/**
 * The demo's trend: the figures of each of the last SNAPSHOT_TREND_DAYS days (today included),
 * computed as the daily job would have recorded them on each day (the same readiness task).
 */
export async function seedDemoSnapshots(
  dataSource: DataSource,
  departmentId: string,
  today: string,
): Promise<void> {
  const facts = new FactsRepository(dataSource);
  const scope = { kind: 'department' as const, departmentId };
  for (let back = SNAPSHOT_TREND_DAYS - 1; back >= 0; back--) {
    const day = addDays(today, -back);
    const result = await runRulesTask(facts, {
      kind: 'readiness',
      scope,
      asOf: day,
      extraDates: [],
      version: 0,
    });
    if (result.kind !== 'readiness') continue;
    await upsertSnapshot(dataSource, departmentId, day, {
      figures: result.figures,
      teams: result.teams,
    });
  }
}

/** Writes a demo department; returns the id of every record by its demo key (`staff:<key>` ...). */
export async function loadDemoDepartment(
  em: EntityManager,
  demo: DemoDepartment,
  passwordHashes: Map<string, string> = new Map(),
): Promise<{ departmentId: string; ids: Map<string, string> }> {
  const ids = new Map<string, string>();
  const idFor = (kind: string, key: string): string => {
    const id = ids.get(`${kind}:${key}`);
    if (!id) throw new Error(`demo data refers to unknown ${kind} "${key}"`);
    return id;
  };
  const newId = (kind: string, key: string): string => {
    const id = randomUUID();
    ids.set(`${kind}:${key}`, id);
    return id;
  };

  const departmentId = randomUUID();
  await em.insert(DepartmentEntity, { id: departmentId, ...demo.department, version: 1 });

  await em.insert(
    SkillEntity,
    demo.skills.map((s) => ({
      id: newId('skill', s.key),
      departmentId,
      name: s.name,
      category: s.category,
      description: s.description,
      reassessMonths: s.reassessMonths ?? null,
      version: 1,
    })),
  );
  await em.insert(
    CredentialTypeEntity,
    demo.credentialTypes.map((t) => ({
      id: newId('type', t.code),
      departmentId,
      code: t.code,
      name: t.name,
      issuingBody: t.issuingBody,
      baseCeus: t.baseCeus,
      version: 1,
    })),
  );
  const evidence = demo.credentialTypes.flatMap((t) =>
    t.evidencesSkills.map((e) => ({
      credentialTypeId: idFor('type', t.code),
      skillId: idFor('skill', e.skillKey),
      level: e.level,
    })),
  );
  if (evidence.length) await em.insert(CredentialTypeSkillEntity, evidence);
  const supersessions = demo.credentialTypes.flatMap((t) =>
    (t.supersedesCodes ?? []).map((code) => ({
      credentialTypeId: idFor('type', t.code),
      supersededTypeId: idFor('type', code),
    })),
  );
  if (supersessions.length) await em.insert(CredentialTypeSupersessionEntity, supersessions);
  await em.insert(
    CeRuleEntity,
    demo.ceRules.map((r) => ({
      departmentId,
      issuingBody: r.issuingBody,
      cycleMonths: r.cycleMonths,
      extraPerAdditional: r.extraPerAdditional,
      cap: r.cap,
      minimums: r.minimums,
      afterLapse: r.afterLapse,
      version: 1,
    })),
  );
  await em.insert(
    RoleEntity,
    demo.roles.map((r) => ({
      id: newId('role', r.key),
      departmentId,
      name: r.name,
      description: r.description,
      version: 1,
    })),
  );
  await em.insert(
    TeamEntity,
    demo.teams.map((t) => ({ id: newId('team', t.key), departmentId, name: t.name, version: 1 })),
  );

  const requirementRows: Partial<RequirementEntity>[] = [];
  const requirementTypes: { requirementId: string; credentialTypeId: string }[] = [];
  const addRequirement = (
    owner: { roleId?: string; teamId?: string; minHolders?: number },
    r: DemoRequirement,
    position: number,
  ) => {
    const id = randomUUID();
    requirementRows.push({
      id,
      departmentId,
      roleId: owner.roleId ?? null,
      teamId: owner.teamId ?? null,
      minHolders: owner.minHolders ?? null,
      position,
      kind: r.kind,
      skillId: r.kind === 'skill' ? idFor('skill', r.skillKey) : null,
      minLevel: r.kind === 'skill' ? r.minLevel : null,
      verifiedOnly: r.kind === 'credential' && r.verifiedOnly === true,
    });
    if (r.kind === 'credential') {
      for (const code of r.anyOfCodes)
        requirementTypes.push({ requirementId: id, credentialTypeId: idFor('type', code) });
    }
  };
  demo.roles.forEach((role) =>
    role.requirements.forEach((r, i) => addRequirement({ roleId: idFor('role', role.key) }, r, i)),
  );
  demo.teams.forEach((team) =>
    team.coverageTargets.forEach((t, i) =>
      addRequirement(
        { teamId: idFor('team', team.key), minHolders: t.minHolders },
        t.requirement,
        i,
      ),
    ),
  );
  if (requirementRows.length) await em.insert(RequirementEntity, requirementRows);
  if (requirementTypes.length) await em.insert(RequirementCredentialTypeEntity, requirementTypes);

  await em.insert(
    StaffEntity,
    demo.staff.map((s) => ({
      id: newId('staff', s.key),
      departmentId,
      teamId: idFor('team', s.teamKey),
      roleId: idFor('role', s.roleKey),
      name: s.name,
      email: s.email,
      employeeId: s.employeeId,
      status: s.status,
      hireDate: s.hireDate,
      version: 1,
    })),
  );
  const managers = demo.teams.flatMap((t) =>
    t.managerStaffKeys.map((k) => ({ teamId: idFor('team', t.key), staffId: idFor('staff', k) })),
  );
  if (managers.length) await em.insert(TeamManagerEntity, managers);

  for (const u of demo.users) {
    await em.insert(UserEntity, {
      id: newId('user', u.email),
      departmentId,
      email: u.email,
      passwordHash: passwordHashes.get(u.email) ?? (await hashPassword(u.password)),
      role: u.role,
      staffId: u.staffKey ? idFor('staff', u.staffKey) : null,
      active: true,
      version: 1,
    });
  }
  const adminEmail = demo.users.find((u) => u.role === 'admin')?.email;
  const verifierId = adminEmail ? (ids.get(`user:${adminEmail}`) ?? null) : null;

  await em.insert(
    CredentialEntity,
    demo.credentials.map((c) => ({
      id: newId('credential', c.key),
      departmentId,
      staffId: idFor('staff', c.staffKey),
      credentialTypeId: idFor('type', c.code),
      number: c.number,
      issuedOn: c.issuedOn,
      expiresOn: c.expiresOn,
      verificationMethod: c.verification?.method ?? null,
      verifiedOn: c.verification?.verifiedOn ?? null,
      verifiedByUserId: c.verification ? verifierId : null,
      revokedOn: c.revokedOn ?? null,
      revokedReason: c.revokedReason ?? null,
      version: 1,
    })),
  );

  // Recorded in list order, so two assessments of one day keep their order (R2).
  await em.insert(
    AssessmentEntity,
    demo.assessments.map((a, i) => ({
      departmentId,
      staffId: idFor('staff', a.staffKey),
      skillId: idFor('skill', a.skillKey),
      level: a.level,
      assessedOn: a.assessedOn,
      source: a.source,
      note: a.note ?? null,
      // the demo's manager assessments are recorded by the director, who verifies too
      assessedByUserId: a.source === 'manager' ? verifierId : null,
      recordedAt: new Date(Date.parse(`${a.assessedOn}T15:00:00Z`) + i * 1000),
    })),
  );

  const activityLinks: { ceActivityId: string; credentialId: string }[] = [];
  const activities = demo.ceActivities.map((a, i) => {
    const id = randomUUID();
    for (const key of a.credentialKeys)
      activityLinks.push({ ceActivityId: id, credentialId: idFor('credential', key) });
    return {
      id,
      departmentId,
      staffId: idFor('staff', a.staffKey),
      title: a.title,
      provider: a.provider,
      completedOn: a.completedOn,
      hours: a.hours,
      categories: a.categories,
      status: a.status,
      reviewNote: a.reviewNote ?? null,
      reviewedByUserId: a.status === 'submitted' ? null : verifierId,
      reviewedAt:
        a.status === 'submitted'
          ? null
          : new Date(Date.parse(`${a.completedOn}T18:00:00Z`) + i * 1000),
      createdByUserId: null,
      // Logged the day after it was completed, so the review queue shows how long each has waited.
      createdAt: new Date(
        Math.min(Date.now(), Date.parse(`${a.completedOn}T14:00:00Z`) + DAY_MS + i * 1000),
      ),
      version: 1,
    };
  });
  if (activities.length) await em.insert(CeActivityEntity, activities);
  if (activityLinks.length) await em.insert(CeActivityCredentialEntity, activityLinks);

  await insertAuditEvent(em, {
    departmentId,
    action: 'create',
    entity: 'department',
    entityId: departmentId,
    after: {
      name: demo.department.name,
      staff: demo.staff.length,
      credentials: demo.credentials.length,
    },
    note: 'demo department seeded',
  });
  return { departmentId, ids };
}
