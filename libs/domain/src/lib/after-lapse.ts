import type { AfterLapseState, AfterLapseStep, IsoDate } from '@him/contracts';
import { groupBy } from './collections';
import { isCredentialCurrentByDates } from './credentials';
import { addDays, daysBetween, isIsoDate } from './dates';
import type { CeRuleFacts, CredentialFacts, CredentialTypeFacts } from './model';

/** R18: the state an expired credential is in once its body's sequence is over. */
export const REVOKED_BY_BODY = 'revoked';

/**
 * R18 defaults (credentials.md): AHIMA inactive 180 days, AAPC grace 90 days, ACDIS grace 45
 * days, each then revoked; NCRA none. Data an admin can change.
 */
export const DEFAULT_AFTER_LAPSE: Readonly<Record<string, readonly AfterLapseStep[]>> = {
  AHIMA: [{ state: 'inactive', days: 180 }],
  AAPC: [{ state: 'grace', days: 90 }],
  ACDIS: [{ state: 'grace', days: 45 }],
  NCRA: [],
};

/**
 * R18: where a credential stands on `on` after its expiry. The sequence starts the day after
 * expiresOn, which is day 1 of the first state; a state of `days` days ends on its start +
 * days - 1 (expired 2026-12-01, AHIMA: inactive 2026-12-02 to 2027-05-30), the next starts the
 * day after; once the last is over the body has revoked the credential (`revoked`, no end).
 *
 * Null when there is nothing to show beside "expired": the credential is not expired on `on`
 * (no expiresOn, or on <= expiresOn), its revocation is recorded by then (it shows as revoked),
 * or the body describes no states (NCRA). States of fewer than one day are skipped. Whatever
 * the state, an expired credential is not current (R4).
 */
export function afterLapseStateOn(
  credential: Pick<CredentialFacts, 'expiresOn' | 'revokedOn'>,
  afterLapse: readonly AfterLapseStep[] | undefined,
  on: IsoDate,
): AfterLapseState | null {
  if (!isIsoDate(on)) throw new RangeError(`on is not a calendar date (YYYY-MM-DD): ${on}`);
  const { expiresOn } = credential;
  if (expiresOn === null || on <= expiresOn) return null;
  if (credential.revokedOn !== null && credential.revokedOn <= on) return null;
  const steps = (afterLapse ?? []).filter((step) => Number.isInteger(step.days) && step.days >= 1);
  if (steps.length === 0) return null;
  let since = addDays(expiresOn, 1);
  for (const step of steps) {
    const until = addDays(since, step.days - 1);
    if (on <= until) {
      return {
        state: step.state,
        since,
        until,
        day: daysBetween(since, on) + 1,
        canBeReinstated: true,
      };
    }
    since = addDays(until, 1);
  }
  return {
    state: REVOKED_BY_BODY,
    since,
    until: null,
    day: daysBetween(since, on) + 1,
    canBeReinstated: false,
  };
}

/**
 * R18 for a set of credentials on `on`: the after-lapse state of each expired one, by credential
 * id, from its type's issuing body's rule. A credential renewed by another record of the same
 * type for the same member, current on `on`, has no state: the member holds it again.
 */
export function afterLapseStates(
  facts: {
    credentialTypes: readonly Pick<CredentialTypeFacts, 'id' | 'issuingBody'>[];
    ceRules: readonly Pick<CeRuleFacts, 'issuingBody' | 'afterLapse'>[];
    credentials: readonly CredentialFacts[];
  },
  on: IsoDate,
): Map<string, AfterLapseState> {
  const bodies = new Map(facts.credentialTypes.map((type) => [type.id, type.issuingBody]));
  const rules = new Map(facts.ceRules.map((rule) => [rule.issuingBody, rule.afterLapse]));
  const states = new Map<string, AfterLapseState>();
  for (const credentials of groupBy(facts.credentials, (c) => c.staffId).values()) {
    const heldTypes = new Set(
      credentials
        .filter((credential) => isCredentialCurrentByDates(credential, on))
        .map((credential) => credential.credentialTypeId),
    );
    for (const credential of credentials) {
      if (heldTypes.has(credential.credentialTypeId)) continue;
      const body = bodies.get(credential.credentialTypeId);
      const state = afterLapseStateOn(
        credential,
        body === undefined ? undefined : rules.get(body),
        on,
      );
      if (state !== null) states.set(credential.id, state);
    }
  }
  return states;
}
