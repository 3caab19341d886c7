import type { AfterLapseState } from '@him/contracts';
import { afterLapseStates, type CredentialFacts } from '@him/domain';
import type { EntityManager } from 'typeorm';
import { departmentToday } from '../common/department-today';

/**
 * R18 beside a credential wherever one is served: the after-lapse state today (the department's
 * day) of every expired credential of these members, by credential id, from its body's CE rule.
 * All of a member's credentials are read, so that a renewal (a current credential of the same
 * type) clears the old record's state. Three queries whatever the number of members.
 */
export async function afterLapseStatesToday(
  em: EntityManager,
  departmentId: string,
  staffIds: readonly string[],
): Promise<Map<string, AfterLapseState>> {
  if (staffIds.length === 0) return new Map();
  const [today, credentialTypes, ceRules, credentials] = await Promise.all([
    departmentToday(em, departmentId),
    em.query(
      `SELECT id, issuing_body AS "issuingBody" FROM credential_type WHERE department_id = $1`,
      [departmentId],
    ) as Promise<{ id: string; issuingBody: string }[]>,
    em.query(
      `SELECT upper(issuing_body) AS "issuingBody", after_lapse AS "afterLapse"
         FROM ce_rule WHERE department_id = $1`,
      [departmentId],
    ),
    em.query(
      `SELECT c.id, c.staff_id AS "staffId", c.credential_type_id AS "credentialTypeId", c.number,
              c.issued_on AS "issuedOn", c.expires_on AS "expiresOn", c.revoked_on AS "revokedOn",
              (c.verification_method IS NOT NULL) AS verified, c.verified_on AS "verifiedOn"
         FROM credential c
        WHERE c.department_id = $1 AND c.staff_id = ANY($2::uuid[])`,
      [departmentId, [...new Set(staffIds)]],
    ) as Promise<CredentialFacts[]>,
  ]);
  // CE rules are one per body whatever the letter case; types name the body as they spell it.
  const types = credentialTypes.map((t) => ({ ...t, issuingBody: t.issuingBody.toUpperCase() }));
  return afterLapseStates({ credentialTypes: types, ceRules, credentials }, today);
}
