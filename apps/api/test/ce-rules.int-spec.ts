import { caller, type DepartmentFixture } from './fixtures';
import { ahimaCeRule, openCatalogTest, tableCounts } from './support/catalog';
import type { TestApp } from './test-app';

/**
 * Access, conflicts, paging and a rule's creation to deletion, shared by the catalog APIs, are in
 * catalog.int-spec.ts.
 */
describe('CE rules API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;

  const rowCounts = () => tableCounts(t, ['ce_rule', 'audit_event']);
  const post = (body: object, token = dept.tokens.admin) =>
    caller(t, token).post('/api/v1/ce-rules', body);

  beforeAll(async () => {
    ({ t, dept } = await openCatalogTest());
  });
  afterAll(() => t.close());

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
    await post(ahimaCeRule({ cycleMonths: 0 })).expect(400);
    await post(ahimaCeRule({ cycleMonths: 12.5 })).expect(400);
    await post(ahimaCeRule({ minimums: undefined })).expect(400);
    await post(
      ahimaCeRule({ minimums: [{ categories: ['a'], share: 1 }] }),
      dept.tokens.manager,
    ).expect(403);
    expect(await rowCounts()).toEqual(before);

    await post(
      ahimaCeRule({
        issuingBody: 'NCRA',
        cap: undefined,
        minimums: [{ categories: ['ctr-category-a'], hours: 4 }],
      }),
    ).expect(201);
    const afterCreate = await rowCounts();
    await caller(t, dept.tokens.admin)
      .patch('/api/v1/ce-rules/NCRA', { version: 1, minimums: [{ categories: ['a'] }] })
      .expect(400);
    await caller(t, dept.tokens.admin)
      .patch('/api/v1/ce-rules/NCRA', { version: 1, cycleMonths: null })
      .expect(400);
    expect(await rowCounts()).toEqual(afterCreate);
    const ncra = await caller(t, dept.tokens.admin).get('/api/v1/ce-rules/ncra').expect(200);
    expect(ncra.body).toMatchObject({
      cap: null,
      cycleMonths: 24,
      minimums: [{ categories: ['ctr-category-a'], hours: 4 }],
      version: 1,
    });
  });
});
