import type { CeGroup, ReadinessResponse } from '@him/contracts';
import { ensureAdmin } from '../src/bootstrap/bootstrap-admin';
import { bearer } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * A department built through the API alone, from an empty database with only the
 * bootstrap admin, by an admin, a manager and a staff member each doing their part; its
 * figures are compared with DOMAIN.md worked by hand on dates at the edges.
 */
describe('a department built through the API from scratch', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const id: Record<string, string> = {};

  const call = async (
    token: string,
    method: 'post' | 'patch' | 'get',
    path: string,
    body?: object,
    status?: number,
  ) => {
    const req = t.http()[method](`/api/v1${path}`).set(bearer(token));
    const res = body ? await req.send(body) : await req;
    const expected = status ?? (method === 'post' ? 201 : 200);
    if (res.status !== expected)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const login = async (email: string, password: string) =>
    (await t.http().post('/api/v1/auth/login').send({ email, password }).expect(200)).body
      .accessToken as string;

  beforeAll(async () => {
    t = await createTestApp();
    await ensureAdmin(t.dataSource, 'director@hospital.example', 'bootstrap-password-1');
    const admin = (tokens.admin = await login('director@hospital.example', 'bootstrap-password-1'));

    id.icd = (
      await call(admin, 'post', '/skills', { name: 'ICD-10-CM coding', category: 'technical' })
    ).id;
    id.hipaa = (
      await call(admin, 'post', '/skills', { name: 'HIPAA privacy', category: 'regulatory' })
    ).id;
    const type = async (
      code: string,
      issuingBody: string,
      baseCeus: number,
      evidencesSkills: object[] = [],
    ) =>
      (
        await call(admin, 'post', '/credential-types', {
          code,
          name: code,
          issuingBody,
          baseCeus,
          evidencesSkills,
        })
      ).id;
    id.rhia = await type('RHIA', 'AHIMA', 30, [{ skillId: id.hipaa, level: 3 }]);
    id.ccs = await type('CCS', 'AHIMA', 20, [{ skillId: id.icd, level: 3 }]);
    id.cpc = await type('CPC', 'AAPC', 36);
    id.coc = await type('COC', 'AAPC', 36);
    id.crc = await type('CRC', 'AAPC', 36);
    await call(admin, 'post', '/ce-rules', {
      issuingBody: 'AHIMA',
      cycleMonths: 24,
      extraPerAdditional: 10,
      cap: 50,
      minimums: [{ categories: ['hiim-domain'], share: 0.8 }],
    });
    await call(admin, 'post', '/ce-rules', {
      issuingBody: 'AAPC',
      cycleMonths: 24,
      extraPerAdditional: 4,
      cap: 52,
      minimums: [],
    });

    const codingCredential = { kind: 'credential', anyOf: [id.ccs, id.cpc] };
    id.role = (
      await call(admin, 'post', '/roles', {
        name: 'Medical Coder (Inpatient)',
        requirements: [codingCredential, { kind: 'skill', skillId: id.icd, minLevel: 3 }],
      })
    ).id;
    const team = await call(admin, 'post', '/teams', {
      name: 'Coding',
      coverageTargets: [{ requirement: codingCredential, minHolders: 2 }],
    });
    id.team = team.id;

    const staff = async (name: string, email: string, status = 'active') =>
      (
        await call(admin, 'post', '/staff', {
          name,
          email,
          employeeId: email.slice(0, 3),
          teamId: id.team,
          roleId: id.role,
          status,
          hireDate: '2020-03-02',
        })
      ).id;
    id.ann = await staff('Ann Lee', 'ann@hospital.example');
    id.ben = await staff('Ben Ortiz', 'ben@hospital.example');
    id.cara = await staff('Cara Diaz', 'cara@hospital.example', 'leave');
    await call(admin, 'patch', `/teams/${id.team}`, {
      managerStaffIds: [id.ann],
      version: team.version,
    });
    await call(admin, 'post', '/users', {
      email: 'ann@hospital.example',
      role: 'manager',
      staffId: id.ann,
      password: 'ann-password-123',
    });
    await call(admin, 'post', '/users', {
      email: 'ben@hospital.example',
      role: 'staff',
      staffId: id.ben,
      password: 'ben-password-123',
    });
    const manager = (tokens.manager = await login('ann@hospital.example', 'ann-password-123'));
    const ben = (tokens.staff = await login('ben@hospital.example', 'ben-password-123'));

    // Credentials, entered by the manager; Ann's own by the admin, since nobody verifies their
    // own credential. Ann's AHIMA pair shares one cycle end (R11).
    const credential = async (
      staffId: string,
      credentialTypeId: string,
      number: string,
      issuedOn: string,
      expiresOn: string,
    ) =>
      (
        await call(staffId === id.ann ? admin : manager, 'post', `/staff/${staffId}/credentials`, {
          credentialTypeId,
          number,
          issuedOn,
          expiresOn,
          verification: { method: 'primary-source', verifiedOn: issuedOn },
        })
      ).id;
    id.annRhia = await credential(id.ann, id.rhia, 'R-100', '2024-06-01', '2026-12-31');
    id.annCcs = await credential(id.ann, id.ccs, 'C-100', '2024-06-01', '2026-12-31');
    for (const [typeId, n] of [
      [id.cpc, 1],
      [id.coc, 2],
      [id.crc, 3],
    ] as const)
      await credential(id.ben, typeId, `A-${n}`, '2025-07-01', '2027-06-30');
    await credential(id.cara, id.ccs, 'C-200', '2024-01-01', '2027-12-31');

    // R2: Ben rates himself 4, his manager says 2 the same day: the manager's counts.
    await call(ben, 'post', `/staff/${id.ben}/assessments`, {
      skillId: id.icd,
      level: 4,
      assessedOn: '2026-01-10',
      source: 'self',
    });
    await call(manager, 'post', `/staff/${id.ben}/assessments`, {
      skillId: id.icd,
      level: 2,
      assessedOn: '2026-01-10',
      source: 'manager',
    });

    // CE: Ben logs his own (submitted), his manager approves; Ann's are approved by the admin.
    const benCe = await call(ben, 'post', `/staff/${id.ben}/ce-activities`, {
      title: 'AAPC chapter meetings',
      provider: 'AAPC',
      completedOn: '2026-02-20',
      hours: 20,
    });
    expect(benCe.status).toBe('submitted');
    await call(
      manager,
      'post',
      `/ce-activities/${benCe.id}/review`,
      { status: 'approved', version: benCe.version },
      200,
    );
    for (const [title, hours, categories, completedOn] of [
      ['Coding Clinic year in review', 30, ['hiim-domain'], '2025-09-15'],
      ['Leading change', 5, [], '2026-03-01'],
    ] as const) {
      const a = await call(manager, 'post', `/staff/${id.ann}/ce-activities`, {
        title,
        provider: 'AHIMA',
        completedOn,
        hours,
        categories,
      });
      await call(
        admin,
        'post',
        `/ce-activities/${a.id}/review`,
        { status: 'approved', version: a.version },
        200,
      );
    }
    const pending = await call(manager, 'post', `/staff/${id.ann}/ce-activities`, {
      title: 'Pending webinar',
      provider: 'AHIMA',
      completedOn: '2026-04-01',
      hours: 2,
      categories: ['hiim-domain'],
    });
    expect(pending.status).toBe('submitted');
  });
  afterAll(() => t.close());

  const readiness = async (query: string): Promise<ReadinessResponse> =>
    call(tokens.admin, 'get', `/readiness?${query}`);

  it('R4 R6 R7 R8 on the expiry day: one of two ready, 3 of 4 requirements, the target met', async () => {
    const r = await readiness('asOf=2026-12-31');
    expect([r.staffReadyPct, r.requirementsMetPct, r.targetsMet]).toEqual([
      0.5,
      0.75,
      { met: 1, total: 1 },
    ]);
    expect(r.members.find((m) => m.staffId === id.ben)?.missing).toEqual([
      { kind: 'skill', skillId: id.icd, minLevel: 3 },
    ]);
    expect(r.onLeave.map((m) => m.staffId)).toEqual([id.cara]);
    expect(r.singlePointsOfFailure).toEqual([
      {
        teamId: id.team,
        requirement: { kind: 'skill', skillId: id.icd, minLevel: 3 },
        staffId: id.ann,
      },
    ]);
  });

  it('R4 R7 R9 the day after: Ann lapses, the team falls one short, and the forecast said so', async () => {
    const r = await readiness('asOf=2027-01-01');
    expect([r.staffReadyPct, r.requirementsMetPct]).toEqual([0, 0.25]);
    expect(r.targets[0]).toMatchObject({
      holders: 1,
      holderIds: [id.ben],
      gap: 1,
      singlePointOfFailure: true,
    });
    const before = await readiness('asOf=2026-12-02&surveyDate=2027-01-01');
    const survey = before.forecast.find((f) => f.date === '2027-01-01');
    expect(survey).toMatchObject({ days: 30, staffReadyPct: 0, targetsMet: { met: 0, total: 1 } });
    expect(survey?.lapsed.map((l) => l.credentialId).sort()).toEqual(
      [id.annCcs, id.annRhia].sort(),
    );
  });

  it('R11 R12 R14 R15: AHIMA RHIA + CCS owe 40 hours, AAPC with three credentials 44', async () => {
    const groups: CeGroup[] = await call(tokens.admin, 'get', '/ce-status?asOf=2026-06-30');
    const ann = groups.find((g) => g.staffId === id.ann);
    expect(ann).toMatchObject({
      issuingBody: 'AHIMA',
      cycleStart: '2025-01-01',
      cycleEnd: '2026-12-31',
      required: 40,
      earned: 35,
      pending: 2,
      remaining: 5,
      pace: 29.92,
      status: 'on-track',
      minimums: [{ categories: ['hiim-domain'], requiredHours: 32, earnedHours: 30, met: false }],
    });
    expect(ann?.credentialTypeCodes.sort()).toEqual(['CCS', 'RHIA']);
    const ben = groups.find((g) => g.staffId === id.ben);
    expect(ben).toMatchObject({
      issuingBody: 'AAPC',
      cycleStart: '2025-07-01',
      required: 44,
      earned: 20,
      pace: 22,
      status: 'behind',
    });
    // Ben sees his own group, and only his.
    const own: CeGroup[] = await call(tokens.staff, 'get', '/ce-status?asOf=2026-06-30');
    expect(own.map((g) => g.staffId)).toEqual([id.ben]);
  });

  it('R10 expirations: the window includes its last day', async () => {
    const inside = await call(tokens.manager, 'get', '/expirations?asOf=2026-10-02&withinDays=90');
    expect(
      inside
        .map((e: { credentialId: string; daysLeft: number }) => [e.credentialId, e.daysLeft])
        .sort(),
    ).toEqual(
      [
        [id.annCcs, 90],
        [id.annRhia, 90],
      ].sort(),
    );
    expect(await call(tokens.manager, 'get', '/expirations?asOf=2026-10-01&withinDays=90')).toEqual(
      [],
    );
  });

  it('R16 audited every change with who made it', async () => {
    const audit = await call(tokens.admin, 'get', '/audit?limit=500');
    const by = (entity: string) =>
      audit.items.filter((e: { entity: string }) => e.entity === entity);
    expect(by('credential')).toHaveLength(6);
    expect(
      by('credential').map((e: { userEmail: string; entityId: string }) =>
        [id.annRhia, id.annCcs].includes(e.entityId)
          ? e.userEmail === 'director@hospital.example'
          : e.userEmail === 'ann@hospital.example',
      ),
    ).toEqual(new Array(6).fill(true));
    expect(by('assessment')).toHaveLength(2);
    expect(audit.items.filter((e: { action: string }) => e.action === 'review')).toHaveLength(3);
  });

  it("R16 gives a member's whole trail: staff record, credentials, assessments and CE", async () => {
    const trail = await call(tokens.manager, 'get', `/audit?staffId=${id.ben}&limit=500`);
    const entities = new Set(trail.items.map((e: { entity: string }) => e.entity));
    expect([...entities].sort()).toEqual([
      'assessment',
      'ce_activity',
      'credential',
      'staff',
      'user',
    ]);
    expect(
      trail.items.every(
        (e: {
          entityId: string;
          after: { staffId?: string } | null;
          before: { staffId?: string } | null;
        }) => e.entityId === id.ben || e.after?.staffId === id.ben || e.before?.staffId === id.ben,
      ),
    ).toBe(true);
    const annTrail = await call(tokens.manager, 'get', `/audit?staffId=${id.ann}&limit=500`);
    expect(annTrail.items.some((e: { entityId: string }) => e.entityId === id.annRhia)).toBe(true);
    expect(
      annTrail.items.some(
        (e: { after: { staffId?: string } | null }) => e.after?.staffId === id.ben,
      ),
    ).toBe(false);
  });

  it("lists a team's credentials in one call; staff get only their own", async () => {
    const all = await call(tokens.manager, 'get', `/credentials?teamId=${id.team}&limit=500`);
    expect(all.total).toBe(6);
    const own = await call(tokens.staff, 'get', `/credentials?teamId=${id.team}`);
    expect(own.items.map((c: { staffId: string }) => c.staffId)).toEqual([id.ben, id.ben, id.ben]);
  });
});
