import type { ReadinessResponse, ReadinessSummaryResponse } from '@him/contracts';
import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * `GET /readiness?teams=managed` (issue 12, point 10): a manager's own teams, as AccessPolicy
 * decides them (every team for an admin); the department figures then count those teams only.
 */
describe('readiness of the teams the caller manages', () => {
  let t: TestApp;
  let d: DepartmentFixture;
  let billingTeamId: string;
  const AS_OF = '2026-11-24';

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDepartment(t);
    [{ id: billingTeamId }] = await t.dataSource.query(
      `INSERT INTO team (department_id, name) VALUES ($1, 'Billing') RETURNING id`,
      [d.departmentId],
    );
    for (const name of ['Bea Billing', 'Bo Billing']) {
      await t.dataSource.query(
        `INSERT INTO staff (department_id, team_id, role_id, name, email, status, hire_date)
         VALUES ($1, $2, $3, $4, $5, 'active', '2020-01-06')`,
        [
          d.departmentId,
          billingTeamId,
          d.roleId,
          name,
          `${name.replace(' ', '.')}@managed.example`,
        ],
      );
    }
  });
  afterAll(() => t.close());

  const get = async (query: string, token: string, status = 200) =>
    (
      await t
        .http()
        .get(`/api/v1/readiness?asOf=${AS_OF}${query}`)
        .set(bearer(token))
        .expect(status)
    ).body;

  it("gives a manager their own teams' members, teams and figures", async () => {
    const mine = (await get('&teams=managed', d.tokens.manager)) as ReadinessResponse;
    expect(mine.teams.map((team) => team.teamId)).toEqual([d.teamId]);
    expect(mine.members.map((member) => member.teamId)).toEqual([d.teamId, d.teamId, d.teamId]);
    expect(mine.staffReady.total).toBe(3);
    // the same as asking for the team by name
    const team = (await get(`&teamId=${d.teamId}`, d.tokens.manager)) as ReadinessResponse;
    expect(mine.staffReady).toEqual(team.staffReady);
    expect(mine.members).toEqual(team.members);

    const department = (await get('', d.tokens.manager)) as ReadinessResponse;
    expect(department.teams.map((t) => t.name).sort()).toEqual(['Billing', 'Coding']);
    expect(department.staffReady.total).toBe(5);
  });

  it('in the summary form too, with compared days', async () => {
    const mine = (await get(
      '&teams=managed&view=summary&compare=2026-10-25',
      d.tokens.manager,
    )) as ReadinessSummaryResponse;
    expect(mine.activeStaff).toBe(3);
    expect(mine.comparisonTeams[0].teams.map((team) => team.teamId)).toEqual([d.teamId]);
    expect(mine.comparisons[0].staffReady.total).toBe(3);
  });

  it('gives an admin every team', async () => {
    const all = (await get('&teams=managed', d.tokens.admin)) as ReadinessResponse;
    expect(all.staffReady.total).toBe(5);
    expect(all.teams).toHaveLength(2);
  });

  it('refuses what it cannot answer with a 400 naming the field', async () => {
    const refused = async (query: string) => {
      const body = await get(query, d.tokens.manager, 400);
      expect(body.message.join(' ')).toContain('teams');
    };
    await refused('&teams=mine');
    await refused(`&teams=managed&teamId=${billingTeamId}`);
    await get('&teams=managed', d.tokens.staff, 403);
  });
});
