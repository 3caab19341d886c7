import { caller, type DepartmentFixture } from './fixtures';
import { openCatalogTest, tableCounts } from './support/catalog';
import type { TestApp } from './test-app';

/**
 * Access, conflicts, paging, a role's creation to deletion and the validation of requirements,
 * shared with the other catalog APIs and with teams, are in catalog.int-spec.ts.
 */
describe('roles API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;

  const rowCounts = () =>
    tableCounts(t, ['job_role', 'requirement', 'requirement_credential_type', 'audit_event']);
  const post = (body: object, token = dept.tokens.admin) =>
    caller(t, token).post('/api/v1/roles', body);

  beforeAll(async () => {
    ({ t, dept } = await openCatalogTest());
  });
  afterAll(() => t.close());

  it('refuses a role without requirements, a blank name or an unknown field, writing nothing', async () => {
    const before = await rowCounts();
    await post({ name: 'Missing requirements' }).expect(400);
    await post({ name: '   ', requirements: [] }).expect(400);
    await post({ name: 'Extra', requirements: [], colour: 'red' }).expect(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers 409 on deleting a role staff hold', async () => {
    const held = await caller(t, dept.tokens.admin)
      .delete(`/api/v1/roles/${dept.roleId}`)
      .expect(409);
    expect(held.body.message[0]).toMatch(/held by 3 staff members/);
    await caller(t, dept.tokens.admin).get(`/api/v1/roles/${dept.roleId}`).expect(200);
  });
});
