import type { CeGroup, IsoDate, Requirement } from '@him/contracts';
import {
  addDays,
  afterLapseStates,
  computeSurveyWindow,
  reassessmentsDue,
  computeCeStatus,
  computeReadiness,
  credentialStatusOn,
  expiringCredentials,
  isIsoDate,
  type CeFacts,
  type DepartmentFacts,
} from '@him/domain';
import { buildDemoDepartment, type DemoDepartment, type DemoRequirement } from './demo-department';

const TODAY = '2026-11-24';
/** the promised story must hold whatever day the demo is seeded */
const SEED_DAYS: IsoDate[] = [TODAY, '2027-03-15', '2027-12-31', '2028-02-29'];

// ---------- keys to ids, as the loader does (prefixed so kinds can never collide) ----------

const skillId = (key: string) => `skill:${key}`;
const typeId = (code: string) => `type:${code}`;
const roleId = (key: string) => `role:${key}`;
const teamId = (key: string) => `team:${key}`;
const staffId = (key: string) => `staff:${key}`;
const credentialId = (key: string) => `credential:${key}`;

function toRequirement(requirement: DemoRequirement): Requirement {
  return requirement.kind === 'skill'
    ? { kind: 'skill', skillId: skillId(requirement.skillKey), minLevel: requirement.minLevel }
    : requirement.verifiedOnly
      ? { kind: 'credential', anyOf: requirement.anyOfCodes.map(typeId), verifiedOnly: true }
      : { kind: 'credential', anyOf: requirement.anyOfCodes.map(typeId) };
}

/** The demo as the domain rules see it once loaded (test-only). */
function demoFacts(demo: DemoDepartment): { readiness: DepartmentFacts; ce: CeFacts } {
  const settings = {
    requireVerification: demo.department.requireVerification,
    expiryWarningDays: demo.department.expiryWarningDays,
    assessmentValidityMonths: demo.department.assessmentValidityMonths,
  };
  const staff = demo.staff.map((s) => ({
    id: staffId(s.key),
    name: s.name,
    teamId: teamId(s.teamKey),
    roleId: roleId(s.roleKey),
    status: s.status,
  }));
  const credentialTypes = demo.credentialTypes.map((t) => ({
    id: typeId(t.code),
    code: t.code,
    issuingBody: t.issuingBody,
    baseCeus: t.baseCeus,
    evidencesSkills: t.evidencesSkills.map((e) => ({
      skillId: skillId(e.skillKey),
      level: e.level,
    })),
    supersedes: (t.supersedesCodes ?? []).map(typeId),
  }));
  const credentials = demo.credentials.map((c) => ({
    id: credentialId(c.key),
    staffId: staffId(c.staffKey),
    credentialTypeId: typeId(c.code),
    number: c.number,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    revokedOn: c.revokedOn ?? null,
    verified: c.verification !== null,
    verifiedOn: c.verification?.verifiedOn ?? null,
  }));
  return {
    readiness: {
      settings,
      skills: demo.skills.map((s) => ({
        id: skillId(s.key),
        name: s.name,
        reassessMonths: s.reassessMonths ?? null,
      })),
      staff,
      roles: demo.roles.map((r) => ({
        id: roleId(r.key),
        requirements: r.requirements.map(toRequirement),
      })),
      teams: demo.teams.map((t) => ({
        id: teamId(t.key),
        name: t.name,
        coverageTargets: t.coverageTargets.map((c) => ({
          requirement: toRequirement(c.requirement),
          minHolders: c.minHolders,
        })),
      })),
      credentialTypes,
      credentials,
      // recorded in list order, as the loader records them
      assessments: demo.assessments.map((a, i) => ({
        staffId: staffId(a.staffKey),
        skillId: skillId(a.skillKey),
        level: a.level,
        assessedOn: a.assessedOn,
        source: a.source,
        recordedAt: new Date(Date.parse(`${a.assessedOn}T15:00:00Z`) + i * 1000).toISOString(),
      })),
    },
    ce: {
      settings,
      staff,
      credentialTypes,
      credentials,
      ceRules: demo.ceRules,
      activities: demo.ceActivities.map((a, i) => ({
        id: `activity:${i}`,
        staffId: staffId(a.staffKey),
        completedOn: a.completedOn,
        hours: a.hours,
        categories: a.categories,
        credentialIds: a.credentialKeys.map(credentialId),
        status: a.status,
      })),
    },
  };
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

const sameRequirement = (a: Requirement, b: Requirement) => JSON.stringify(a) === JSON.stringify(b);

describe('buildDemoDepartment', () => {
  const demo = buildDemoDepartment(TODAY);

  it('is deterministic: the same today gives deep-equal data', () => {
    expect(buildDemoDepartment(TODAY)).toEqual(demo);
    expect(JSON.stringify(buildDemoDepartment(TODAY))).toBe(JSON.stringify(demo));
  });

  it('moves every date with today, so the demo always looks live', () => {
    const later = buildDemoDepartment(addDays(TODAY, 100));
    expect(later.staff.map((s) => s.hireDate)).toEqual(
      demo.staff.map((s) => addDays(s.hireDate, 100)),
    );
    expect(later.ceActivities.map((a) => a.completedOn)).toEqual(
      demo.ceActivities.map((a) => addDays(a.completedOn, 100)),
    );
    expect(later.credentials.filter((c) => c.expiresOn !== null).length).toBe(
      demo.credentials.filter((c) => c.expiresOn !== null).length,
    );
  });

  it('rejects a today that is not a calendar date', () => {
    expect(() => buildDemoDepartment('2026-02-30')).toThrow(RangeError);
    expect(() => buildDemoDepartment('24/11/2026')).toThrow(RangeError);
  });

  it('hands out fresh arrays: changing one build does not change the next', () => {
    const first = buildDemoDepartment(TODAY);
    first.roles[0].requirements.length = 0;
    first.credentialTypes[0].evidencesSkills.length = 0;
    first.teams[0].coverageTargets.length = 0;
    expect(buildDemoDepartment(TODAY)).toEqual(demo);
  });

  describe('referential integrity', () => {
    const skills = new Set(demo.skills.map((s) => s.key));
    const codes = new Set(demo.credentialTypes.map((t) => t.code));
    const roles = new Set(demo.roles.map((r) => r.key));
    const teams = new Set(demo.teams.map((t) => t.key));
    const staffByKey = new Map(demo.staff.map((s) => [s.key, s]));
    const credentialsByKey = new Map(demo.credentials.map((c) => [c.key, c]));

    const checkRequirement = (r: DemoRequirement) => {
      if (r.kind === 'skill') {
        expect(skills).toContain(r.skillKey);
        expect(r.minLevel).toBeGreaterThanOrEqual(1);
        expect(r.minLevel).toBeLessThanOrEqual(4);
      } else {
        expect(r.anyOfCodes.length).toBeGreaterThan(0);
        for (const code of r.anyOfCodes) expect(codes).toContain(code);
      }
    };

    it('has unique keys, codes, emails, employee ids and credential numbers per type', () => {
      expect(duplicates(demo.skills.map((s) => s.key))).toEqual([]);
      expect(duplicates(demo.skills.map((s) => s.name))).toEqual([]);
      expect(duplicates(demo.credentialTypes.map((t) => t.code))).toEqual([]);
      expect(duplicates(demo.ceRules.map((r) => r.issuingBody))).toEqual([]);
      expect(duplicates(demo.roles.map((r) => r.key))).toEqual([]);
      expect(duplicates(demo.roles.map((r) => r.name))).toEqual([]);
      expect(duplicates(demo.teams.map((t) => t.key))).toEqual([]);
      expect(duplicates(demo.staff.map((s) => s.key))).toEqual([]);
      expect(duplicates(demo.staff.map((s) => s.email.toLowerCase()))).toEqual([]);
      expect(duplicates(demo.staff.map((s) => s.employeeId))).toEqual([]);
      expect(duplicates(demo.credentials.map((c) => c.key))).toEqual([]);
      expect(duplicates(demo.credentials.map((c) => `${c.code} ${c.number}`))).toEqual([]);
      expect(duplicates(demo.credentials.map((c) => `${c.staffKey} ${c.code}`))).toEqual([]);
      expect(duplicates(demo.users.map((u) => u.email))).toEqual([]);
    });

    it('refers only to records that exist', () => {
      for (const type of demo.credentialTypes) {
        for (const e of type.evidencesSkills) expect(skills).toContain(e.skillKey);
        expect(demo.ceRules.map((r) => r.issuingBody)).toContain(type.issuingBody);
      }
      for (const role of demo.roles) role.requirements.forEach(checkRequirement);
      for (const team of demo.teams) {
        for (const target of team.coverageTargets) {
          checkRequirement(target.requirement);
          expect(target.minHolders).toBeGreaterThanOrEqual(1);
        }
        for (const key of team.managerStaffKeys)
          expect(staffByKey.get(key)?.teamKey).toBe(team.key);
      }
      for (const member of demo.staff) {
        expect(teams).toContain(member.teamKey);
        expect(roles).toContain(member.roleKey);
      }
      for (const c of demo.credentials) {
        expect(staffByKey.has(c.staffKey)).toBe(true);
        expect(codes).toContain(c.code);
      }
      for (const a of demo.assessments) {
        expect(staffByKey.has(a.staffKey)).toBe(true);
        expect(skills).toContain(a.skillKey);
      }
      for (const a of demo.ceActivities) {
        expect(staffByKey.has(a.staffKey)).toBe(true);
        for (const key of a.credentialKeys)
          expect(credentialsByKey.get(key)?.staffKey).toBe(a.staffKey);
      }
      for (const user of demo.users) {
        if (user.staffKey !== null) expect(staffByKey.get(user.staffKey)?.email).toBe(user.email);
      }
    });

    it('keeps every value in range', () => {
      const categories = new Set(
        demo.ceRules.flatMap((r) => r.minimums.flatMap((m) => m.categories)),
      );
      const isDate = (value: string) => expect(isIsoDate(value)).toBe(true);
      for (const type of demo.credentialTypes) {
        expect(type.baseCeus).toBeGreaterThan(0);
        for (const e of type.evidencesSkills) expect([1, 2, 3, 4]).toContain(e.level);
      }
      for (const member of demo.staff) {
        isDate(member.hireDate);
        expect(member.hireDate <= TODAY).toBe(true);
        expect(member.hireDate >= addDays(TODAY, -15 * 366)).toBe(true);
        expect(member.email).toMatch(/^[a-z]+(\.[a-z-]+)?@riverside-demo\.org$/);
        expect(member.employeeId).toMatch(/^E\d{5}$/);
      }
      for (const c of demo.credentials) {
        isDate(c.issuedOn);
        expect(c.issuedOn <= TODAY).toBe(true);
        expect(c.number).toMatch(/^[A-Z0-9-]+$/);
        if (c.expiresOn !== null) {
          isDate(c.expiresOn);
          expect(c.issuedOn <= c.expiresOn).toBe(true);
        }
        if (c.verification) {
          isDate(c.verification.verifiedOn);
          expect(
            c.issuedOn <= c.verification.verifiedOn && c.verification.verifiedOn <= TODAY,
          ).toBe(true);
        }
        if (c.revokedOn !== undefined) {
          expect(c.issuedOn <= c.revokedOn && c.revokedOn <= TODAY).toBe(true);
          expect(c.revokedReason).toBeTruthy();
        }
      }
      const hired = new Map(demo.staff.map((s) => [s.key, s.hireDate]));
      for (const a of demo.assessments) {
        isDate(a.assessedOn);
        expect([0, 1, 2, 3, 4]).toContain(a.level);
        expect(a.assessedOn <= TODAY).toBe(true);
        expect(a.assessedOn >= (hired.get(a.staffKey) as string)).toBe(true);
        expect(a.assessedOn >= addDays(TODAY, -731)).toBe(true);
      }
      for (const a of demo.ceActivities) {
        isDate(a.completedOn);
        expect(a.completedOn <= TODAY).toBe(true);
        expect(a.hours).toBeGreaterThan(0);
        expect(a.hours).toBeLessThanOrEqual(8);
        expect(a.title.trim()).not.toBe('');
        expect(a.provider.trim()).not.toBe('');
        for (const category of a.categories) expect(categories).toContain(category);
        if (a.status === 'rejected') expect(a.reviewNote).toBeTruthy();
      }
    });
  });

  describe('the department', () => {
    const staffOf = (teamKey: string) => demo.staff.filter((s) => s.teamKey === teamKey);

    it('has the six teams, the twelve roles and about forty people', () => {
      expect(demo.department).toMatchObject({
        name: 'Riverside Regional Medical Center — Health Information Management',
        timeZone: 'America/Chicago',
      });
      expect(demo.teams.map((t) => t.name)).toEqual([
        'Coding',
        'Release of Information',
        'Clinical Documentation Integrity',
        'Data Analytics',
        'Cancer Registry',
        'Management',
      ]);
      expect(demo.roles.map((r) => r.name)).toEqual(
        expect.arrayContaining([
          'Medical Records Clerk',
          'Health Information Technician',
          'Medical Coder (Inpatient)',
          'Medical Coder (Professional Fee)',
          'Clinical Documentation Integrity Specialist',
          'Release of Information Specialist',
          'Clinical Data Analyst',
          'Health Informatics Specialist',
          'Cancer Registrar',
          'HIM Manager',
          'Director of HIM',
        ]),
      );
      expect(demo.staff.length).toBeGreaterThanOrEqual(36);
      expect(demo.staff.length).toBeLessThanOrEqual(44);
      const sizes = demo.teams.map((t) => staffOf(t.key).length);
      expect(staffOf('coding').length).toBe(Math.max(...sizes));
      expect(demo.staff.filter((s) => s.status === 'leave')).toHaveLength(2);
      expect(demo.staff.filter((s) => s.status === 'terminated')).toHaveLength(1);
      for (const team of demo.teams) expect(team.managerStaffKeys.length).toBeGreaterThan(0);
    });

    it('ships the CE rules of credentials.md', () => {
      const rule = (body: string) => demo.ceRules.find((r) => r.issuingBody === body);
      expect(rule('AHIMA')).toEqual({
        issuingBody: 'AHIMA',
        cycleMonths: 24,
        extraPerAdditional: 10,
        cap: 50,
        minimums: [
          { categories: ['hiim-domain'], share: 0.8 },
          { categories: ['ahima-provided'], share: 0.4 },
        ],
        afterLapse: [{ state: 'inactive', days: 180 }],
      });
      expect(rule('AAPC')).toMatchObject({
        cycleMonths: 24,
        extraPerAdditional: 4,
        cap: 52,
        minimums: [],
        afterLapse: [{ state: 'grace', days: 90 }],
      });
      expect(rule('NCRA')).toMatchObject({
        cycleMonths: 24,
        cap: null,
        minimums: [{ categories: ['ctr-category-a'], hours: 4 }],
        afterLapse: [],
      });
      expect(rule('ACDIS')).toMatchObject({
        cycleMonths: 24,
        minimums: [],
        afterLapse: [{ state: 'grace', days: 45 }],
      });
      const base = Object.fromEntries(
        demo.credentialTypes.map((t) => [t.code, [t.issuingBody, t.baseCeus]]),
      );
      expect(base).toMatchObject({
        RHIA: ['AHIMA', 30],
        CHDA: ['AHIMA', 30],
        CDIP: ['AHIMA', 30],
        CHPS: ['AHIMA', 30],
        RHIT: ['AHIMA', 20],
        CCS: ['AHIMA', 20],
        'CCS-P': ['AHIMA', 20],
        CCA: ['AHIMA', 20],
        CPC: ['AAPC', 36],
        COC: ['AAPC', 36],
        CRC: ['AAPC', 36],
        CPB: ['AAPC', 36],
        ODS: ['NCRA', 20],
        CCDS: ['ACDIS', 30],
        'CCDS-O': ['ACDIS', 30],
      });
    });

    it("aligns each holder's AHIMA (and AAPC) credentials to one cycle end", () => {
      const bodyOf = new Map(demo.credentialTypes.map((t) => [t.code, t.issuingBody]));
      for (const body of ['AHIMA', 'AAPC']) {
        const ends = new Map<string, Set<string | null>>();
        for (const c of demo.credentials.filter(
          (x) => bodyOf.get(x.code) === body && !x.revokedOn,
        )) {
          ends.set(c.staffKey, (ends.get(c.staffKey) ?? new Set()).add(c.expiresOn));
        }
        for (const [, set] of ends) expect(set.size).toBe(1);
      }
    });

    it('links the three demo logins to the right people', () => {
      const user = (email: string) => demo.users.find((u) => u.email === email);
      const member = (key: string | null | undefined) => demo.staff.find((s) => s.key === key);
      const director = user('director@riverside-demo.org');
      const manager = user('manager@riverside-demo.org');
      const coder = user('coder@riverside-demo.org');
      expect(director).toMatchObject({ role: 'admin', password: 'Director!Demo2026' });
      expect(manager).toMatchObject({ role: 'manager', password: 'Manager!Demo2026' });
      expect(coder).toMatchObject({ role: 'staff', password: 'Coder!Demo2026' });
      expect(member(director?.staffKey)?.roleKey).toBe('him-director');
      expect(member(manager?.staffKey)?.teamKey).toBe('coding');
      expect(demo.teams.find((t) => t.key === 'coding')?.managerStaffKeys).toContain(
        manager?.staffKey,
      );
      expect(member(coder?.staffKey)?.roleKey).toBe('coder-inpatient');
      expect(
        demo.ceActivities.some((a) => a.staffKey === coder?.staffKey && a.status === 'submitted'),
      ).toBe(true);
    });

    it('has real gaps in assessments, including a same-day self and manager pair', () => {
      const pairs = new Map<string, Set<string>>();
      for (const a of demo.assessments) {
        const key = `${a.staffKey} ${a.skillKey} ${a.assessedOn}`;
        pairs.set(key, (pairs.get(key) ?? new Set()).add(a.source));
      }
      expect([...pairs.values()].some((sources) => sources.size === 2)).toBe(true);
      expect(demo.assessments.some((a) => a.source === 'self')).toBe(true);
      expect(demo.assessments.some((a) => a.source === 'manager' && a.note)).toBe(true);
    });

    it('logs about a hundred and twenty CE activities of every review status', () => {
      expect(demo.ceActivities.length).toBeGreaterThanOrEqual(100);
      const statuses = new Set(demo.ceActivities.map((a) => a.status));
      expect([...statuses].sort()).toEqual(['approved', 'rejected', 'submitted']);
      expect(demo.ceActivities.some((a) => a.credentialKeys.length > 0)).toBe(true);
    });
  });

  describe.each(SEED_DAYS)('seeded on %s', (today) => {
    const seeded = buildDemoDepartment(today);
    const facts = demoFacts(seeded);
    const { settings } = facts.readiness;
    const nonTerminated = new Set(
      facts.readiness.staff.filter((s) => s.status !== 'terminated').map((s) => s.id),
    );
    const credentials = facts.readiness.credentials.filter((c) => nonTerminated.has(c.staffId));
    const statusOn = (on: IsoDate) => credentials.map((c) => credentialStatusOn(c, on, settings));
    const readiness = computeReadiness(facts.readiness, today);
    const target = (team: string, requirement: DemoRequirement, r = readiness) =>
      r.targets.find(
        (t) =>
          t.teamId === teamId(team) && sameRequirement(t.requirement, toRequirement(requirement)),
      );

    it('has credentials expiring within 90 days: one within a week, a manager RHIA in 40 days', () => {
      const expiring = expiringCredentials(facts.readiness, today, 90);
      expect(expiring.length).toBeGreaterThanOrEqual(3);
      expect(expiring.some((e) => e.daysLeft <= 7)).toBe(true);
      expect(expiring).toContainEqual(
        expect.objectContaining({
          staffId: staffId('daniel-reyes'),
          credentialTypeCode: 'RHIA',
          daysLeft: 40,
        }),
      );
    });

    it('has lapsed, unverified, revoked and never-expiring credentials', () => {
      const statuses = statusOn(today);
      expect(statuses.filter((s) => s === 'expired').length).toBeGreaterThanOrEqual(2);
      expect(statuses.filter((s) => s === 'revoked')).toHaveLength(1);
      const unverifiedCurrent = credentials.filter(
        (c, i) => !c.verified && (statuses[i] === 'current' || statuses[i] === 'expiring'),
      );
      expect(unverifiedCurrent.length).toBeGreaterThanOrEqual(2);
      expect(credentials.filter((c) => c.expiresOn === null)).toHaveLength(1);
    });

    it('leaves Cancer Registry one ODS short, with its only ODS a single point of failure', () => {
      const ctr = target('cancer-registry', { kind: 'credential', anyOfCodes: ['ODS'] });
      expect(ctr).toMatchObject({ minHolders: 2, holders: 1, gap: 1, singlePointOfFailure: true });
      expect(readiness.singlePointsOfFailure).toContainEqual({
        teamId: teamId('cancer-registry'),
        requirement: toRequirement({ kind: 'credential', anyOfCodes: ['ODS'] }),
        staffId: staffId('elena-petrova'),
      });
    });

    it('has coverage gaps and single points of failure today', () => {
      expect(readiness.targets.filter((t) => t.gap > 0).length).toBeGreaterThanOrEqual(2);
      expect(readiness.singlePointsOfFailure.length).toBeGreaterThanOrEqual(1);
      expect(
        target('data-analytics', { kind: 'skill', skillKey: 'data-analysis', minLevel: 3 }),
      ).toMatchObject({
        holders: 1,
        gap: 1,
        holderIds: [staffId('andre-dubois')],
      });
      expect(readiness.members.some((m) => !m.ready)).toBe(true);
      expect(readiness.members.some((m) => m.ready)).toBe(true);
      const tyler = readiness.members.find((m) => m.staffId === staffId('tyler-robinson'));
      expect(tyler?.missing).toContainEqual(
        toRequirement({ kind: 'skill', skillKey: 'hipaa', minLevel: 3 }),
      );
    });

    it('meets the Coding and Management credential targets today and misses them within two months', () => {
      const codingCredential: DemoRequirement = { kind: 'credential', anyOfCodes: ['CCS', 'CPC'] };
      const rhia: DemoRequirement = { kind: 'credential', anyOfCodes: ['RHIA'] };
      // R9: nothing is issued or assessed after today, so a later date is the forecast
      const in30 = computeReadiness(facts.readiness, addDays(today, 30));
      const in60 = computeReadiness(facts.readiness, addDays(today, 60));
      expect(target('coding', codingCredential)?.gap).toBe(0);
      expect(target('coding', codingCredential, in30)?.gap).toBe(1);
      expect(target('management', rhia)?.gap).toBe(0);
      expect(target('management', rhia, in60)?.gap).toBe(1);
      const lapsedBy30 = readiness.forecast.find((p) => p.days === 30)?.lapsed ?? [];
      expect(lapsedBy30.map((l) => l.credentialId)).toContain(credentialId('hannah-kowalski:CCS'));
    });

    it('shows the lapse rules: an RHIA + RHIT holder owing 30 hours, lapsed and due assessments', () => {
      const margaret = computeCeStatus(facts.ce, today, { staffId: staffId('margaret-okonkwo') });
      expect(margaret).toEqual([
        expect.objectContaining({
          issuingBody: 'AHIMA',
          credentialTypeCodes: ['RHIA', 'RHIT'],
          required: 30,
        }),
      ]);
      const due = reassessmentsDue(facts.readiness, today, 30);
      expect(due).toContainEqual(
        expect.objectContaining({
          staffId: staffId('priya-raman'),
          skillId: skillId('hipaa'),
          overdue: true,
        }),
      );
      const soon = due.find((d) => d.staffId === staffId('margaret-okonkwo'));
      expect(soon).toMatchObject({ skillId: skillId('hipaa'), overdue: false });
      expect(soon?.daysLeft).toBeLessThanOrEqual(30);
    });

    it('meets a verified-only requirement with a verified credential and misses it without', () => {
      const coders = readiness.members.filter((m) => m.roleId === roleId('coder-inpatient'));
      const verifiedOnly = toRequirement(
        seeded.roles.find((r) => r.key === 'coder-inpatient')?.requirements[0] as DemoRequirement,
      );
      expect(verifiedOnly).toMatchObject({ verifiedOnly: true });
      const aisha = coders.find((m) => m.staffId === staffId('aisha-rahman'));
      expect(aisha?.missing).toContainEqual(verifiedOnly);
      expect(coders.some((m) => !m.missing.some((r) => sameRequirement(r, verifiedOnly)))).toBe(
        true,
      );
    });

    it('shows an expired AHIMA credential inactive, and a survey window lower than today', () => {
      const states = afterLapseStates(facts.ce, today);
      expect(states.get(credentialId('yuki-tanaka:CHDA'))).toMatchObject({
        state: 'inactive',
        canBeReinstated: true,
      });
      const window = computeSurveyWindow(
        facts.readiness,
        today,
        addDays(today, 30),
        addDays(today, 365),
      );
      expect(window.requirementsMetPct.value as number).toBeLessThan(
        readiness.requirementsMetPct as number,
      );
      expect(window.staffReadyPct.value as number).toBeLessThan(readiness.staffReadyPct as number);
    });

    it('puts CE groups in every status: met, on-track, behind, at-risk', () => {
      const groups: CeGroup[] = computeCeStatus(facts.ce, today);
      const byStatus = (status: CeGroup['status']) => groups.filter((g) => g.status === status);
      for (const status of ['met', 'on-track', 'behind', 'at-risk'] as const) {
        expect(byStatus(status).length).toBeGreaterThanOrEqual(2);
      }
      expect(new Set(groups.map((g) => g.issuingBody))).toEqual(
        new Set(['AHIMA', 'AAPC', 'NCRA', 'ACDIS']),
      );
      expect(groups.some((g) => g.pending > 0)).toBe(true);
    });

    it("counts one of the demo coder's activities for both the CCS (AHIMA) and the CPC (AAPC)", () => {
      const groups = computeCeStatus(facts.ce, today, { staffId: staffId('miguel-alvarez') });
      const ahima = groups.find((g) => g.issuingBody === 'AHIMA');
      const aapc = groups.find((g) => g.issuingBody === 'AAPC');
      expect(ahima?.status).toBe('on-track');
      expect(aapc?.status).toBe('on-track');
      expect(ahima?.pending).toBeGreaterThan(0);
      const shared = (ahima?.countedActivityIds ?? []).filter((id) =>
        aapc?.countedActivityIds.includes(id),
      );
      expect(shared.length).toBeGreaterThan(0);
    });
  });
});
