import type { EntityManager } from 'typeorm';

const REFERENCES: [key: string, one: string, many: string][] = [
  ['credentials', 'credential', 'credentials'],
  ['ceActivities', 'CE activity', 'CE activities'],
  ['assessments', 'skill assessment', 'skill assessments'],
  ['accounts', 'sign-in account', 'sign-in accounts'],
  ['managedTeams', 'team they manage', 'teams they manage'],
];

/**
 * What refers to a staff member and so keeps the record from being deleted, in words
 * ("2 credentials", "1 sign-in account"); empty when it was created by mistake with nothing on it.
 */
export async function staffReferences(em: EntityManager, staffId: string): Promise<string[]> {
  const [uses]: Record<string, string>[] = await em.query(
    `SELECT (SELECT count(*) FROM credential WHERE staff_id = $1) AS credentials,
            (SELECT count(*) FROM ce_activity WHERE staff_id = $1) AS "ceActivities",
            (SELECT count(*) FROM assessment WHERE staff_id = $1) AS assessments,
            (SELECT count(*) FROM app_user WHERE staff_id = $1) AS accounts,
            (SELECT count(*) FROM team_manager WHERE staff_id = $1) AS "managedTeams"`,
    [staffId],
  );
  return REFERENCES.flatMap(([key, one, many]) => {
    const count = Number(uses[key]);
    return count === 0 ? [] : [`${count} ${count === 1 ? one : many}`];
  });
}
