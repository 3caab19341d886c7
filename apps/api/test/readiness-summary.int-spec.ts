import type { ReadinessResponse, ReadinessSummaryResponse } from '@him/contracts';
import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * `GET /readiness?view=summary`: the full form's figures, teams, targets, forecast and single
 * points of failure without the member rows, which come in filtered pages; other days' figures
 * (`compare=`) in the same answer; a query it cannot answer refused with the field named.
 */
describe('the summary form of readiness', () => {
  let t: TestApp;
  let d: DepartmentFixture;
  const AS_OF = '2026-11-24';
  const names = ['Ada', 'Ben', 'Cy', 'Dee', 'Eli', 'Fay', 'Gus'];
  const extra: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDepartment(t);
    const [{ id: skillId }] = await t.dataSource.query(
      `INSERT INTO skill (department_id, name, category) VALUES ($1, 'ICD-10-CM', 'technical') RETURNING id`,
      [d.departmentId],
    );
    await t.dataSource.query(
      `INSERT INTO requirement (department_id, role_id, position, kind, skill_id, min_level)
       VALUES ($1, $2, 0, 'skill', $3, 3)`,
      [d.departmentId, d.roleId, skillId],
    );
    await t.dataSource.query(
      `INSERT INTO requirement (department_id, team_id, position, kind, skill_id, min_level, min_holders)
       VALUES ($1, $2, 0, 'skill', $3, 3, 2)`,
      [d.departmentId, d.teamId, skillId],
    );
    for (const name of names) {
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO staff (department_id, team_id, role_id, name, email, status, hire_date)
         VALUES ($1, $2, $3, $4, $5, 'active', '2020-01-06') RETURNING id`,
        [d.departmentId, d.teamId, d.roleId, `${name} Member`, `${name}@summary.example`],
      );
      extra.push(id);
    }
    // Ada and Ben ready since October; Cy only from November 10 (so not on October 25)
    const assess = (staffId: string, on: string) =>
      t.dataSource.query(
        `INSERT INTO assessment (department_id, staff_id, skill_id, level, assessed_on, source)
         VALUES ($1, $2, $3, 3, $4, 'manager')`,
        [d.departmentId, staffId, skillId, on],
      );
    await assess(extra[0], '2026-10-01');
    await assess(extra[1], '2026-10-01');
    await assess(extra[2], '2026-11-10');
  });
  afterAll(() => t.close());

  const get = async (query: string, token = d.tokens.manager, status = 200) =>
    (
      await t
        .http()
        .get(`/api/v1/readiness?asOf=${AS_OF}${query}`)
        .set(bearer(token))
        .expect(status)
    ).body;

  it('holds the full form but its member rows, and counts the members', async () => {
    const full = (await get('')) as ReadinessResponse;
    const summary = (await get('&view=summary')) as ReadinessSummaryResponse;
    expect(summary).not.toHaveProperty('members');
    expect(summary).not.toHaveProperty('memberPage');
    expect(summary.view).toBe('summary');
    for (const field of [
      'staffReadyPct',
      'requirementsMetPct',
      'targetsMet',
      'teams',
      'targets',
      'singlePointsOfFailure',
      'forecast',
    ] as const) {
      expect(summary[field]).toEqual(full[field]);
    }
    expect(summary.activeStaff).toBe(10);
    expect(summary.notReadyStaff).toBe(7);
    expect(summary.staffReady).toEqual({ ready: 3, total: 10 });
    expect(summary.comparisons).toEqual([]);
  });

  it('pages the members, ready or not, in the full form order', async () => {
    const full = (await get('')) as ReadinessResponse;
    const notReady = full.members.filter((m) => !m.ready);
    const first = (await get('&view=summary&members=not-ready&limit=3'))
      .memberPage as ReadinessSummaryResponse['memberPage'];
    expect(first).toEqual({ items: notReady.slice(0, 3), total: 7, limit: 3, offset: 0 });
    const last = (await get('&view=summary&members=not-ready&limit=3&offset=6')).memberPage;
    expect(last.items).toEqual(notReady.slice(6));
    const ready = (await get('&view=summary&members=ready')).memberPage;
    expect(ready.items.map((m: { name: string }) => m.name).sort()).toEqual([
      'Ada Member',
      'Ben Member',
      'Cy Member',
    ]);
    expect((await get('&view=summary&members=all&limit=500')).memberPage.total).toBe(10);
  });

  it('gives the figures of other days in the same answer, as readiness on those days', async () => {
    const summary = (await get(
      '&view=summary&surveyDate=2026-12-15&compare=2026-10-25,2026-12-15',
    )) as ReadinessSummaryResponse;
    expect(summary.comparisons.map((c) => c.asOf)).toEqual(['2026-10-25', '2026-12-15']);
    expect(summary.comparisons[0].staffReady).toEqual({ ready: 2, total: 10 });
    for (const comparison of summary.comparisons) {
      const alone = (
        await t
          .http()
          .get(`/api/v1/readiness?asOf=${comparison.asOf}&view=summary`)
          .set(bearer(d.tokens.admin))
          .expect(200)
      ).body as ReadinessSummaryResponse;
      expect(comparison).toEqual({
        asOf: alone.asOf,
        staffReadyPct: alone.staffReadyPct,
        requirementsMetPct: alone.requirementsMetPct,
        targetsMet: alone.targetsMet,
        staffReady: alone.staffReady,
        requirementsMet: alone.requirementsMet,
      });
    }
    expect(summary.forecast.some((point) => point.date === '2026-12-15')).toBe(true);
  });

  it('answers an overview in one request: the day, last month and the survey date', async () => {
    const surveyDate = '2026-12-15';
    // assessments count two months: Ada's and Ben's (October 1) lapse before the survey
    await t.dataSource.query(`UPDATE skill SET reassess_months = 2 WHERE department_id = $1`, [
      d.departmentId,
    ]);
    try {
      const asked = (await get(
        `&view=summary&surveyDate=${surveyDate}&compare=2026-10-25&members=all&limit=500`,
      )) as ReadinessSummaryResponse;
      const full = (await get(`&surveyDate=${surveyDate}`)) as ReadinessResponse;
      // the day's figures, member rows and survey point are the full form's
      expect(asked.staffReady).toEqual(full.staffReady);
      expect(asked.teams).toEqual(full.teams);
      expect(asked.memberPage?.items).toEqual(full.members);
      expect(asked.onLeave).toEqual(full.onLeave);
      expect(asked.forecast).toEqual(full.forecast);
      // last month, team by team, as asked on its own
      const lastMonth = (
        await t
          .http()
          .get('/api/v1/readiness?asOf=2026-10-25&view=summary')
          .set(bearer(d.tokens.manager))
          .expect(200)
      ).body as ReadinessSummaryResponse;
      expect(asked.comparisonTeams).toEqual([{ asOf: '2026-10-25', teams: lastMonth.teams }]);
      expect(asked.comparisons[0].staffReady).toEqual(lastMonth.staffReady);
      expect(lastMonth.comparisonTeams).toEqual([]);
      // the survey date says who and which teams stop being ready, and names them
      const point = asked.forecast.find((candidate) => candidate.date === surveyDate);
      expect(point?.membersNoLongerReady?.map((member) => member.staffId).sort()).toEqual(
        [extra[0], extra[1]].sort(),
      );
      expect(point?.targetsFallingShort).toEqual([
        expect.objectContaining({ teamId: d.teamId, minHolders: 2, holders: 1 }),
      ]);
      expect(asked.people).toEqual(
        expect.arrayContaining([
          { staffId: extra[0], name: 'Ada Member', teamId: d.teamId },
          { staffId: extra[1], name: 'Ben Member', teamId: d.teamId },
        ]),
      );
    } finally {
      await t.dataSource.query(`UPDATE skill SET reassess_months = NULL WHERE department_id = $1`, [
        d.departmentId,
      ]);
    }
  });

  it('names the single points of failure among the people it mentions', async () => {
    await t.dataSource.query(`DELETE FROM assessment WHERE staff_id = ANY($1::uuid[])`, [
      [extra[1], extra[2]],
    ]);
    const summary = (await get('&view=summary')) as ReadinessSummaryResponse;
    expect(summary.singlePointsOfFailure.map((p) => p.staffId)).toContain(extra[0]);
    expect(summary.people).toContainEqual({
      staffId: extra[0],
      name: 'Ada Member',
      teamId: d.teamId,
    });
  });

  it('refuses what it cannot answer with a 400 naming the field', async () => {
    const refused = async (query: string, field: string) => {
      const body = await get(query, d.tokens.admin, 400);
      expect(body.message.join(' ')).toContain(field);
    };
    await refused('&view=rows', 'view');
    await refused('&view=summary&members=some', 'members');
    await refused('&view=summary&members=all&limit=0', 'limit');
    await refused('&view=summary&members=all&limit=501', 'limit');
    await refused('&view=summary&members=all&offset=-1', 'offset');
    await refused('&view=summary&compare=2026-13-01', 'compare');
    await refused('&view=summary&compare=yesterday', 'compare');
    await refused(
      '&view=summary&compare=2026-01-01,2026-01-02,2026-01-03,2026-01-04,2026-01-05',
      'compare',
    );
    await refused('&view=summary&compare=2026-10-25,', 'compare');
    await refused('&view=summary&compare=2026-10-25;2026-09-25', 'compare');
    await refused('&view=summary&compare=2019-01-01', 'compare');
    await refused('&view=summary&compare=2026-02-30', 'compare');
    await refused('&members=not-ready', 'members');
    await refused('&compare=2026-10-25', 'compare');
  });
});
