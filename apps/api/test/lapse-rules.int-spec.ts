import type {
  CeGroup,
  Credential,
  ReadinessResponse,
  Role,
  SurveyWindowResponse,
} from '@him/contracts';
import { addDays, todayIn } from '@him/domain';
import { caller, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * The rules of issue 10 stored and fed through the HTTP API: lapsing assessments (reassessMonths,
 * assessmentValidityMonths), supersession of credential types, verifiedOnly requirements and
 * after-lapse states, each written through the API and read back through the analysis endpoints.
 */
describe('lapse rules through the API (assessments lapse, supersession, verifiedOnly, after-lapse states)', () => {
  let t: TestApp;
  let d: DepartmentFixture;
  const id: Record<string, string> = {};

  let admin: ReturnType<typeof caller>;
  let manager: ReturnType<typeof caller>;

  const type = async (code: string, baseCeus: number) =>
    (
      await admin
        .post('/api/v1/credential-types', {
          code,
          name: code,
          issuingBody: 'AHIMA',
          baseCeus,
          evidencesSkills: [],
        })
        .expect(201)
    ).body.id as string;
  const credential = async (staffId: string, body: object) =>
    (await manager.post(`/api/v1/staff/${staffId}/credentials`, body).expect(201))
      .body as Credential;
  const member = (r: ReadinessResponse, staffId: string) =>
    r.members.find((m) => m.staffId === staffId);

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDepartment(t);
    admin = caller(t, d.tokens.admin);
    manager = caller(t, d.tokens.manager);
    id.rhia = await type('RHIA', 30);
    id.rhit = await type('RHIT', 20);
    id.ccs = await type('CCS', 20);
    const rule = await admin
      .post('/api/v1/ce-rules', {
        issuingBody: 'AHIMA',
        cycleMonths: 24,
        extraPerAdditional: 10,
        cap: 50,
        minimums: [],
      })
      .expect(201);
    // no afterLapse given: credentials.md's states for AHIMA
    expect(rule.body.afterLapse).toEqual([{ state: 'inactive', days: 180 }]);
  });

  afterAll(() => t?.close());

  describe('assessments lapse (skill reassessMonths, department assessmentValidityMonths)', () => {
    beforeAll(async () => {
      const hipaa = await admin
        .post('/api/v1/skills', {
          name: 'HIPAA privacy',
          category: 'regulatory',
          reassessMonths: 12,
        })
        .expect(201);
      expect(hipaa.body.reassessMonths).toBe(12);
      id.hipaa = hipaa.body.id;
      id.icd = (
        await admin.post('/api/v1/skills', { name: 'ICD-10-CM', category: 'technical' }).expect(201)
      ).body.id;
      const role = (await admin.get(`/api/v1/roles/${d.roleId}`).expect(200)).body as Role;
      await admin
        .patch(`/api/v1/roles/${d.roleId}`, {
          version: role.version,
          requirements: [
            { kind: 'skill', skillId: id.hipaa, minLevel: 2 },
            { kind: 'skill', skillId: id.icd, minLevel: 2 },
          ],
        })
        .expect(200);
      // a leap day: 12 months later is clamped to 2025-02-28
      for (const skillId of [id.hipaa, id.icd]) {
        await manager
          .post(`/api/v1/staff/${d.staffStaffId}/assessments`, {
            skillId,
            level: 3,
            assessedOn: '2024-02-29',
            source: 'manager',
          })
          .expect(201);
      }
    });

    it('counts through assessedOn + reassessMonths (clamped) and not the day after', async () => {
      const on = async (asOf: string) =>
        member(
          (await admin.get(`/api/v1/readiness?asOf=${asOf}`).expect(200)).body,
          d.staffStaffId,
        );
      expect(await on('2025-02-28')).toMatchObject({ met: 2, total: 2, ready: true });
      expect(await on('2025-03-01')).toMatchObject({
        met: 1,
        ready: false,
        missing: [{ kind: 'skill', skillId: id.hipaa, minLevel: 2 }],
      });
    });

    it('forecasts see the assessment lapse', async () => {
      const r: ReadinessResponse = (
        await admin.get('/api/v1/readiness?asOf=2025-02-01').expect(200)
      ).body;
      const sam = member(r, d.staffStaffId);
      expect(sam).toMatchObject({ met: 2 });
      const at30 = r.forecast.find((p) => p.days === 30);
      expect(at30?.date).toBe('2025-03-03');
      expect(at30?.requirementsMet.met).toBe(r.requirementsMet.met - 1);
    });

    it("applies the department's assessmentValidityMonths to a skill without its own", async () => {
      const dept = (await admin.get('/api/v1/department').expect(200)).body;
      expect(dept.assessmentValidityMonths).toBeNull();
      const patched = await admin
        .patch('/api/v1/department', { version: dept.version, assessmentValidityMonths: 36 })
        .expect(200);
      expect(patched.body.assessmentValidityMonths).toBe(36);
      const on = async (asOf: string) =>
        member(
          (await admin.get(`/api/v1/readiness?asOf=${asOf}`).expect(200)).body,
          d.staffStaffId,
        )?.missing.map((r) => (r.kind === 'skill' ? r.skillId : ''));
      expect(await on('2027-02-28')).toEqual([id.hipaa]);
      expect(await on('2027-03-01')).toEqual([id.hipaa, id.icd]);
      await admin
        .patch('/api/v1/department', {
          version: patched.body.version,
          assessmentValidityMonths: null,
        })
        .expect(200);
    });

    it('lists reassessments due within the warning window and overdue', async () => {
      const due = (
        await admin.get('/api/v1/reassessments-due?asOf=2025-01-15&withinDays=60').expect(200)
      ).body;
      expect(due).toEqual([
        expect.objectContaining({
          staffId: d.staffStaffId,
          skillId: id.hipaa,
          dueBy: '2025-02-28',
          lapsesOn: '2025-03-01',
          overdue: false,
          daysLeft: 44,
        }),
      ]);
      const later = (await admin.get('/api/v1/reassessments-due?asOf=2025-03-10').expect(200)).body;
      expect(later).toEqual([
        expect.objectContaining({ skillId: id.hipaa, overdue: true, daysLeft: -10 }),
      ]);
      // staff see only their own
      const own = await caller(t, d.tokens.staff)
        .get('/api/v1/reassessments-due?asOf=2025-03-10')
        .expect(200);
      expect(own.body.map((r: { staffId: string }) => r.staffId)).toEqual([d.staffStaffId]);
      await admin
        .get('/api/v1/reassessments-due?asOf=2025-03-10&withinDays=-1')
        .expect(400)
        .expect((res) => expect(res.body.message.join(' ')).toContain('withinDays'));
    });

    it('refuses a bad reassessMonths or assessmentValidityMonths with 400 naming the field', async () => {
      const skill = (await admin.get(`/api/v1/skills/${id.hipaa}`).expect(200)).body;
      for (const bad of [0, 601, 1.5, 'twelve']) {
        const res = await admin
          .patch(`/api/v1/skills/${id.hipaa}`, { version: skill.version, reassessMonths: bad })
          .expect(400);
        expect(res.body.message.join(' ')).toContain('reassessMonths');
      }
      const dept = (await admin.get('/api/v1/department').expect(200)).body;
      const res = await admin
        .patch('/api/v1/department', { version: dept.version, assessmentValidityMonths: -3 })
        .expect(400);
      expect(res.body.message.join(' ')).toContain('assessmentValidityMonths');
    });
  });

  describe('supersession (RHIA supersedes RHIT)', () => {
    beforeAll(async () => {
      const rhia = (await admin.get(`/api/v1/credential-types/${id.rhia}`).expect(200)).body;
      const res = await admin
        .patch(`/api/v1/credential-types/${id.rhia}`, {
          version: rhia.version,
          supersedes: [id.rhit],
        })
        .expect(200);
      expect(res.body.supersedes).toEqual([id.rhit]);
    });

    it('RHIA + RHIT owe 30 hours, RHIA + RHIT + CCS 40', async () => {
      const dates = { issuedOn: '2024-01-01', expiresOn: '2025-12-31' };
      await credential(d.otherStaffId, { credentialTypeId: id.rhia, ...dates });
      await credential(d.otherStaffId, { credentialTypeId: id.rhit, ...dates });
      const required = async () => {
        const groups: CeGroup[] = (
          await admin.get(`/api/v1/ce-status?asOf=2025-06-01&staffId=${d.otherStaffId}`).expect(200)
        ).body;
        expect(groups).toHaveLength(1);
        return groups[0].required;
      };
      expect(await required()).toBe(30);
      await credential(d.otherStaffId, { credentialTypeId: id.ccs, ...dates });
      expect(await required()).toBe(40);
    });

    it('refuses a supersession that goes round, of itself or of another department', async () => {
      const rhit = (await admin.get(`/api/v1/credential-types/${id.rhit}`).expect(200)).body;
      const round = await admin
        .patch(`/api/v1/credential-types/${id.rhit}`, {
          version: rhit.version,
          supersedes: [id.rhia],
        })
        .expect(400);
      expect(round.body.message).toEqual([expect.stringContaining('supersedes.0')]);
      const self = await admin
        .patch(`/api/v1/credential-types/${id.rhit}`, {
          version: rhit.version,
          supersedes: [id.rhit],
        })
        .expect(400);
      expect(self.body.message).toEqual([expect.stringContaining('supersedes.0')]);
      const other = await createDepartment(t);
      const foreign = (
        await caller(t, other.tokens.admin)
          .post('/api/v1/credential-types', {
            code: 'RHIT',
            name: 'RHIT',
            issuingBody: 'AHIMA',
            baseCeus: 20,
            evidencesSkills: [],
          })
          .expect(201)
      ).body.id;
      const res = await admin
        .patch(`/api/v1/credential-types/${id.rhit}`, {
          version: rhit.version,
          supersedes: [foreign],
        })
        .expect(400);
      expect(res.body.message).toEqual([expect.stringContaining('supersedes.0')]);
      await admin
        .patch(`/api/v1/credential-types/${id.rhit}`, { version: rhit.version, supersedes: 'RHIA' })
        .expect(400);
      const after = (await admin.get(`/api/v1/credential-types/${id.rhit}`).expect(200)).body;
      expect(after).toMatchObject({ version: rhit.version, supersedes: [] });
    });
  });

  describe('verifiedOnly requirements', () => {
    it('is met only by a verified credential, for a role requirement and a coverage target', async () => {
      const roleRes = await admin
        .post('/api/v1/roles', {
          name: 'Coding Auditor',
          requirements: [{ kind: 'credential', anyOf: [id.ccs], verifiedOnly: true }],
        })
        .expect(201);
      expect(roleRes.body.requirements).toEqual([
        { kind: 'credential', anyOf: [id.ccs], verifiedOnly: true },
      ]);
      const teamRes = await admin
        .post('/api/v1/teams', {
          name: 'Audit',
          coverageTargets: [
            {
              requirement: { kind: 'credential', anyOf: [id.ccs], verifiedOnly: true },
              minHolders: 1,
            },
          ],
        })
        .expect(201);
      const staff = async (name: string) =>
        (
          await admin
            .post('/api/v1/staff', {
              name,
              email: `${name.split(' ')[0].toLowerCase()}.${d.departmentId.slice(0, 8)}@example.org`,
              teamId: teamRes.body.id,
              roleId: roleRes.body.id,
              status: 'active',
              hireDate: '2020-01-01',
            })
            .expect(201)
        ).body.id as string;
      const verified = await staff('Vera Verified');
      const unverified = await staff('Ulrich Unverified');
      const dates = { issuedOn: '2024-01-01', expiresOn: '2027-12-31' };
      await credential(verified, {
        credentialTypeId: id.ccs,
        ...dates,
        verification: { method: 'primary-source', verifiedOn: '2024-02-01' },
      });
      await credential(unverified, { credentialTypeId: id.ccs, ...dates });
      const at = async (asOf: string) =>
        (await admin.get(`/api/v1/readiness?asOf=${asOf}&teamId=${teamRes.body.id}`).expect(200))
          .body as ReadinessResponse;
      const r = await at('2024-06-01');
      expect(member(r, verified)).toMatchObject({ met: 1, ready: true });
      expect(member(r, unverified)).toMatchObject({ met: 0, ready: false });
      expect(r.targets[0]).toMatchObject({ holders: 1, holderIds: [verified], gap: 0 });
      // before the verification was recorded, nobody meets it
      const early = await at('2024-01-15');
      expect(member(early, verified)).toMatchObject({ met: 0 });
      expect(early.targets[0]).toMatchObject({ holders: 0, gap: 1 });
    });

    it('refuses a verifiedOnly that is not a boolean, or on a skill requirement', async () => {
      const bad = await admin
        .post('/api/v1/roles', {
          name: 'Bad',
          requirements: [{ kind: 'credential', anyOf: [id.ccs], verifiedOnly: 'yes' }],
        })
        .expect(400);
      expect(bad.body.message.join(' ')).toContain('verifiedOnly');
      const skill = await admin
        .post('/api/v1/roles', {
          name: 'Bad',
          requirements: [{ kind: 'skill', skillId: id.ccs, minLevel: 1, verifiedOnly: true }],
        })
        .expect(400);
      expect(skill.body.message.join(' ')).toContain('verifiedOnly');
    });
  });

  describe('after-lapse states', () => {
    it('shows an expired AHIMA credential inactive until 180 days after its expiry, then revoked', async () => {
      const today = todayIn('UTC', new Date());
      const expiresOn = addDays(today, -10);
      const created = await credential(d.managerStaffId, {
        credentialTypeId: id.rhit,
        issuedOn: addDays(today, -400),
        expiresOn,
      });
      expect(created.afterLapse).toEqual({
        state: 'inactive',
        since: addDays(expiresOn, 1),
        until: addDays(expiresOn, 180),
        day: 10,
        canBeReinstated: true,
      });
      const listed: Credential[] = (
        await manager.get(`/api/v1/staff/${d.managerStaffId}/credentials`).expect(200)
      ).body.items;
      expect(listed.find((c) => c.id === created.id)?.afterLapse).toMatchObject({
        state: 'inactive',
        until: addDays(expiresOn, 180),
      });
      // the admin shortens the state: the body has revoked it by now
      const rule = (await admin.get('/api/v1/ce-rules/AHIMA').expect(200)).body;
      await admin
        .patch('/api/v1/ce-rules/AHIMA', {
          version: rule.version,
          afterLapse: [{ state: 'inactive', days: 5 }],
        })
        .expect(200);
      const one = (await manager.get(`/api/v1/credentials/${created.id}`).expect(200)).body;
      expect(one.afterLapse).toMatchObject({
        state: 'revoked',
        until: null,
        canBeReinstated: false,
      });
      // a current credential carries none
      expect(listed.filter((c) => c.id !== created.id).every((c) => c.afterLapse === null)).toBe(
        true,
      );
    });

    it('refuses bad after-lapse states with 400 naming the field, writing nothing', async () => {
      const rule = (await admin.get('/api/v1/ce-rules/AHIMA').expect(200)).body;
      for (const [afterLapse, field] of [
        [[{ state: 'inactive', days: 0 }], 'afterLapse.0.days'],
        [[{ state: '', days: 10 }], 'afterLapse.0.state'],
        [[{ state: 'inactive' }], 'afterLapse.0.days'],
        [null, 'afterLapse'],
        ['inactive', 'afterLapse'],
      ] as const) {
        const res = await admin
          .patch('/api/v1/ce-rules/AHIMA', { version: rule.version, afterLapse })
          .expect(400);
        expect(res.body.message.join(' ')).toContain(field);
      }
      expect((await admin.get('/api/v1/ce-rules/AHIMA').expect(200)).body.version).toBe(
        rule.version,
      );
    });
  });

  describe('survey window', () => {
    it('answers the lowest figures of a window, validated', async () => {
      const res = await admin
        .get('/api/v1/readiness/window?asOf=2025-02-01&from=2025-02-01&to=2025-06-30')
        .expect(200);
      const w = res.body as SurveyWindowResponse;
      expect(w).toMatchObject({ asOf: '2025-02-01', from: '2025-02-01', to: '2025-06-30' });
      // the HIPAA assessment lapses on 2025-03-01 inside the window
      expect(w.lapses).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'assessment',
            skillId: id.hipaa,
            lapsesOn: '2025-03-01',
          }),
        ]),
      );
      expect(w.requirementsMetPct.firstOn >= '2025-03-01').toBe(true);
      for (const [query, field] of [
        ['asOf=2025-01-01&from=2025-02-30&to=2025-03-01', 'from'],
        ['asOf=2025-01-01&from=2025-03-01&to=tomorrow', 'to'],
        ['asOf=2025-01-01&from=2025-03-01&to=2025-02-01', 'to'],
        ['asOf=2025-01-01&from=2025-03-01&to=2028-03-02', 'to'],
        ['asOf=2025-03-02&from=2025-03-01&to=2025-04-01', 'from'],
        ['to=2025-04-01', 'from'],
      ]) {
        const bad = await admin.get(`/api/v1/readiness/window?${query}`).expect(400);
        expect(bad.body.message.join(' ')).toContain(field);
      }
      await caller(t, d.tokens.staff)
        .get('/api/v1/readiness/window?from=2030-01-01&to=2030-02-01')
        .expect(403);
    });
  });
});
