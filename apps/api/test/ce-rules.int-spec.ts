import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/** Access, conflicts and paging, shared by the catalog APIs, are in catalog.int-spec.ts. */
describe('CE rules API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.dataSource.query(sql, params))[0].count);
  const rowCounts = () =>
    Promise.all([count(`SELECT count(*) FROM ce_rule`), count(`SELECT count(*) FROM audit_event`)]);
  const post = (body: object, token = dept.tokens.admin) =>
    t.http().post('/api/v1/ce-rules').set(bearer(token)).send(body);
  const ahima = (overrides: Record<string, unknown> = {}) => ({
    issuingBody: 'AHIMA',
    cycleMonths: 24,
    extraPerAdditional: 10,
    cap: 50,
    minimums: [
      { categories: ['hiim-domain'], share: 0.8 },
      { categories: ['ahima-provided'], share: 0.4 },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'a');
  });
  afterAll(() => t.close());

  it('creates, lists, reads (any letter case), updates and deletes a rule, auditing each change', async () => {
    const created = await post(ahima()).expect(201);
    // no afterLapse given: credentials.md's states for the body (AHIMA: inactive 180 days)
    expect(created.body).toEqual({
      ...ahima(),
      afterLapse: [{ state: 'inactive', days: 180 }],
      id: expect.any(String),
      version: 1,
    });
    const [{ id }] = await t.dataSource.query(`SELECT id FROM ce_rule WHERE department_id = $1`, [
      dept.departmentId,
    ]);

    const list = await t.http().get('/api/v1/ce-rules').set(bearer(dept.tokens.staff)).expect(200);
    expect(list.body).toEqual({ items: [created.body], total: 1 });
    await t
      .http()
      .get('/api/v1/ce-rules/ahima')
      .set(bearer(dept.tokens.manager))
      .expect(200, created.body);

    const updated = await t
      .http()
      .patch('/api/v1/ce-rules/Ahima')
      .set(bearer(dept.tokens.admin))
      .send({
        version: 1,
        cap: null,
        minimums: [{ categories: ['hiim-domain', 'coding'], hours: 12.5 }],
        note: 'no cap this cycle',
      })
      .expect(200);
    expect(updated.body).toEqual({
      ...created.body,
      cap: null,
      minimums: [{ categories: ['hiim-domain', 'coding'], hours: 12.5 }],
      version: 2,
    });
    // a PATCH without cap keeps it
    const kept = await t
      .http()
      .patch('/api/v1/ce-rules/AHIMA')
      .set(bearer(dept.tokens.admin))
      .send({ version: 2, cycleMonths: 36 })
      .expect(200);
    expect(kept.body).toEqual({ ...updated.body, cycleMonths: 36, version: 3 });

    const audit = await t
      .http()
      .get(`/api/v1/audit?entity=ce-rule&entityId=${id}`)
      .set(bearer(dept.tokens.admin))
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'update',
      'update',
      'create',
    ]);
    expect(audit.body.items[1]).toMatchObject({
      before: created.body,
      after: updated.body,
      note: 'no cap this cycle',
      userEmail: dept.emails.admin,
    });

    // deleting is allowed even while a credential type names the body: it then owes no CE
    await t
      .http()
      .post('/api/v1/credential-types')
      .set(bearer(dept.tokens.admin))
      .send({ code: 'RHIA', name: 'RHIA', issuingBody: 'AHIMA', baseCeus: 30, evidencesSkills: [] })
      .expect(201);
    await t
      .http()
      .delete('/api/v1/ce-rules/ahima?note=body%20retired')
      .set(bearer(dept.tokens.admin))
      .expect(204);
    await t.http().get('/api/v1/ce-rules/AHIMA').set(bearer(dept.tokens.admin)).expect(404);
    const [deleted] = await t.dataSource.query(
      `SELECT before, note FROM audit_event WHERE entity_id = $1 AND action = 'delete'`,
      [id],
    );
    expect(deleted).toEqual({ before: kept.body, note: 'body retired' });
  });

  it('rejects bad rules with 400 naming the field and writes nothing', async () => {
    const before = await rowCounts();
    const res = await post({
      issuingBody: ' ',
      cycleMonths: 121,
      extraPerAdditional: -1,
      cap: 0,
      minimums: [
        { categories: [], hours: 4 },
        { categories: ['Not A Slug'], hours: 4 },
        { categories: ['a'] },
        { categories: ['a'], hours: 4, share: 0.5 },
        { categories: ['a'], share: 1.01 },
        { categories: ['a'], hours: 0 },
        { categories: ['a'], hours: 4, extra: 1 },
      ],
    }).expect(400);
    const text = res.body.message.join('\n');
    for (const path of [
      'issuingBody',
      'cycleMonths',
      'extraPerAdditional',
      'cap',
      'minimums.0.categories',
      'minimums.1.categories',
      'minimums.2.hours: give either hours or share',
      'minimums.3.hours: give either hours or share, not both',
      'minimums.4.share',
      'minimums.5.hours',
      'minimums.6.extra',
    ]) {
      expect(text).toContain(path);
    }
    expect(text).not.toContain('minimums.0.hours');
    await post(ahima({ cycleMonths: 0 })).expect(400);
    await post(ahima({ cycleMonths: 12.5 })).expect(400);
    await post(ahima({ minimums: undefined })).expect(400);
    await post(ahima({ minimums: [{ categories: ['a'], share: 1 }] }), dept.tokens.manager).expect(
      403,
    );
    expect(await rowCounts()).toEqual(before);

    await post(
      ahima({
        issuingBody: 'NCRA',
        cap: undefined,
        minimums: [{ categories: ['ctr-category-a'], hours: 4 }],
      }),
    ).expect(201);
    const afterCreate = await rowCounts();
    await t
      .http()
      .patch('/api/v1/ce-rules/NCRA')
      .set(bearer(dept.tokens.admin))
      .send({ version: 1, minimums: [{ categories: ['a'] }] })
      .expect(400);
    await t
      .http()
      .patch('/api/v1/ce-rules/NCRA')
      .set(bearer(dept.tokens.admin))
      .send({ version: 1, cycleMonths: null })
      .expect(400);
    expect(await rowCounts()).toEqual(afterCreate);
    const ncra = await t
      .http()
      .get('/api/v1/ce-rules/ncra')
      .set(bearer(dept.tokens.admin))
      .expect(200);
    expect(ncra.body).toMatchObject({
      cap: null,
      cycleMonths: 24,
      minimums: [{ categories: ['ctr-category-a'], hours: 4 }],
      version: 1,
    });
  });
});
