import { bearer, createDepartment, type DepartmentFixture } from '../fixtures';
import { createTestApp, type TestApp } from '../test-app';

/** What the catalog int-specs (skills, credential types, CE rules, roles, teams) set up alike. */

export interface CatalogTest {
  t: TestApp;
  /** the department the tests work in (`a`) */
  dept: DepartmentFixture;
  /** another department (`b`), for references and reads across departments */
  other: DepartmentFixture;
}

/** The real app over a fresh database, with two departments. */
export async function openCatalogTest(): Promise<CatalogTest> {
  const t = await createTestApp();
  return { t, dept: await createDepartment(t, 'a'), other: await createDepartment(t, 'b') };
}

/** `count(*)` (or any one-row `count` column) of a query, as a number. */
export async function countOf(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await t.dataSource.query(sql, params))[0].count);
}

/** The number of rows in each table, to prove a refused request wrote nothing. */
export function tableCounts(t: TestApp, tables: string[]): Promise<number[]> {
  return Promise.all(tables.map((table) => countOf(t, `SELECT count(*) FROM ${table}`)));
}

/** A technical skill of the department, made through the API; its id. */
export async function createSkill(t: TestApp, d: DepartmentFixture, name: string): Promise<string> {
  const res = await t
    .http()
    .post('/api/v1/skills')
    .set(bearer(d.tokens.admin))
    .send({ name, category: 'technical' })
    .expect(201);
  return res.body.id;
}

/** An AHIMA credential type evidencing no skill, named by its code, made through the API; its id. */
export async function createCredentialType(
  t: TestApp,
  d: DepartmentFixture,
  code: string,
): Promise<string> {
  const res = await t
    .http()
    .post('/api/v1/credential-types')
    .set(bearer(d.tokens.admin))
    .send({ code, name: code, issuingBody: 'AHIMA', baseCeus: 20, evidencesSkills: [] })
    .expect(201);
  return res.body.id;
}

/** The stored audit event of a record's delete: what it was, and why. */
export async function deleteEvent(
  t: TestApp,
  entityId: string,
): Promise<{ before: unknown; note: string | null }> {
  const [deleted] = await t.dataSource.query(
    `SELECT before, note FROM audit_event WHERE entity_id = $1 AND action = 'delete'`,
    [entityId],
  );
  return deleted;
}

/** A valid CE rule for AHIMA (`overrides` changes or, with undefined, leaves out fields). */
export const ahimaCeRule = (overrides: Record<string, unknown> = {}) => ({
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
