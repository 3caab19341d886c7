import {
  assessment,
  credential,
  credReq,
  member,
  SETTINGS,
  skill,
  skillReq,
  STRICT,
  type,
  verifiedReq,
} from '../testing/fixtures';
import type { DepartmentFacts } from './model';
import { generateDepartment } from '../../bench/generate-department';
import { computeReadiness, forecastDates } from './readiness';

const D = '2026-03-15';

/**
 * Coding: Alice (coder, CCS to 2026-04-30, renewal issued after D), Bob (coder, CPC), Carol
 * (clerk: a role with no requirements), Dan (coder, on leave), Eve (coder, terminated).
 * ROI: Fay (hipaa 3), Gus (hipaa 2; a manager assessment of 3 dated after D).
 * Empty: no members, one target.
 */
function department(overrides: Partial<DepartmentFacts> = {}): DepartmentFacts {
  return {
    settings: SETTINGS,
    skills: [],
    staff: [
      member('gus', { name: 'Gus', teamId: 'roi', roleId: 'roi-specialist' }),
      member('alice', { name: 'Alice', teamId: 'coding', roleId: 'coder' }),
      member('bob', { name: 'Bob', teamId: 'coding', roleId: 'coder' }),
      member('carol', { name: 'Carol', teamId: 'coding', roleId: 'clerk' }),
      member('dan', { name: 'Dan', teamId: 'coding', roleId: 'coder', status: 'leave' }),
      member('terminated-eve', {
        name: 'Eve',
        teamId: 'coding',
        roleId: 'coder',
        status: 'terminated',
      }),
      member('fay', { name: 'Fay', teamId: 'roi', roleId: 'roi-specialist' }),
    ],
    roles: [
      {
        id: 'coder',
        requirements: [skillReq('icd', 3), credReq('CCS', 'CPC'), skillReq('cpt', 2)],
      },
      { id: 'clerk', requirements: [] },
      { id: 'roi-specialist', requirements: [skillReq('hipaa', 3)] },
    ],
    teams: [
      {
        id: 'roi',
        name: 'Release of Information',
        coverageTargets: [{ requirement: skillReq('hipaa', 3), minHolders: 2 }],
      },
      {
        id: 'coding',
        name: 'Coding',
        coverageTargets: [
          { requirement: credReq('CPC', 'CCS'), minHolders: 2 },
          { requirement: skillReq('icd', 3), minHolders: 1 },
        ],
      },
      {
        id: 'empty',
        name: 'Empty',
        coverageTargets: [{ requirement: skillReq('icd', 1), minHolders: 1 }],
      },
    ],
    credentialTypes: [
      type('CCS', 'AHIMA', 20, [{ skillId: 'icd', level: 3 }]),
      type('CPC', 'AAPC', 36, [{ skillId: 'cpt', level: 3 }]),
    ],
    credentials: [
      credential('alice-ccs', 'alice', 'CCS', { issuedOn: '2024-05-01', expiresOn: '2026-04-30' }),
      // a renewal recorded with an issue date after D: unknown to a forecast made on D
      credential('alice-ccs-2', 'alice', 'CCS', {
        issuedOn: '2026-04-01',
        expiresOn: '2028-04-30',
      }),
      credential('bob-cpc', 'bob', 'CPC', { issuedOn: '2025-01-01', expiresOn: '2027-01-01' }),
      credential('dan-ccs', 'dan', 'CCS', { issuedOn: '2024-05-02', expiresOn: '2026-05-01' }),
      credential('eve-ccs', 'terminated-eve', 'CCS', {
        issuedOn: '2024-04-02',
        expiresOn: '2026-04-01',
      }),
    ],
    assessments: [
      assessment('alice', 'icd', 2, '2025-11-01', 'self'),
      assessment('bob', 'icd', 3, '2025-11-01'),
      assessment('fay', 'hipaa', 3, '2025-11-01'),
      assessment('gus', 'hipaa', 2, '2025-11-01'),
      assessment('gus', 'hipaa', 3, '2026-03-20'),
    ],
    ...overrides,
  };
}

describe('R1 active staff', () => {
  const result = computeReadiness(department(), D);

  it('R1 only active members are evaluated; staff on leave are listed separately', () => {
    expect(result.members.map((m) => m.staffId)).toEqual(['alice', 'bob', 'carol', 'fay', 'gus']);
    expect(result.onLeave).toEqual([
      { staffId: 'dan', name: 'Dan', teamId: 'coding', roleId: 'coder' },
    ]);
  });

  it('R1 terminated staff never count, not even as holders', () => {
    // Eve's CCS is current on D and would make her a third holder of the coding credential target
    const text = JSON.stringify(result);
    expect(text).not.toContain('terminated-eve');
    expect(text).not.toContain('eve-ccs');
  });

  it('R1 a member on leave is not a holder of a coverage target', () => {
    const credentialTarget = result.targets.find(
      (t) => t.teamId === 'coding' && t.requirement.kind === 'credential',
    );
    expect(credentialTarget?.holderIds).toEqual(['alice', 'bob']);
  });
});

describe('R6 member readiness', () => {
  const result = computeReadiness(department(), D);
  const byId = new Map(result.members.map((m) => [m.staffId, m]));

  it('R6 ready when every requirement of the role is met', () => {
    expect(byId.get('bob')).toEqual({
      staffId: 'bob',
      name: 'Bob',
      teamId: 'coding',
      roleId: 'coder',
      met: 3,
      total: 3,
      ready: true,
      missing: [],
    });
  });

  it('R6 missing lists the unmet requirements; a credential lifts a skill (R2)', () => {
    // Alice: icd 3 through her CCS although she rated herself 2; no CPT
    expect(byId.get('alice')).toMatchObject({
      met: 2,
      total: 3,
      ready: false,
      missing: [skillReq('cpt', 2)],
    });
    expect(byId.get('gus')).toMatchObject({
      met: 0,
      total: 1,
      ready: false,
      missing: [skillReq('hipaa', 3)],
    });
  });

  it('R6 a role with no requirements makes its members ready with met = total = 0', () => {
    expect(byId.get('carol')).toMatchObject({ met: 0, total: 0, ready: true, missing: [] });
  });

  it('R6 a requirement listed twice in a role counts once', () => {
    const facts = department();
    facts.roles[2] = {
      id: 'roi-specialist',
      requirements: [skillReq('hipaa', 3), skillReq('hipaa', 3)],
    };
    const fay = computeReadiness(facts, D).members.find((m) => m.staffId === 'fay');
    expect(fay).toMatchObject({ met: 1, total: 1, ready: true });
  });

  it('R6 an unverified credential stops counting when the department requires verification', () => {
    const facts = department({ settings: STRICT });
    facts.credentials = facts.credentials.map((c) =>
      c.id === 'bob-cpc' ? { ...c, verified: false, verifiedOn: null } : c,
    );
    const bob = computeReadiness(facts, D).members.find((m) => m.staffId === 'bob');
    expect(bob).toMatchObject({
      met: 1,
      total: 3,
      ready: false,
      missing: [credReq('CCS', 'CPC'), skillReq('cpt', 2)],
    });
  });
});

describe('R7 team coverage', () => {
  const result = computeReadiness(department(), D);

  it('R7 targets report holders, holder ids, gap and single point of failure', () => {
    expect(result.targets).toEqual([
      {
        teamId: 'coding',
        requirement: credReq('CPC', 'CCS'),
        minHolders: 2,
        holders: 2,
        holderIds: ['alice', 'bob'],
        gap: 0,
        singlePointOfFailure: false,
      },
      {
        teamId: 'coding',
        requirement: skillReq('icd', 3),
        minHolders: 1,
        holders: 2,
        holderIds: ['alice', 'bob'],
        gap: 0,
        singlePointOfFailure: false,
      },
      {
        teamId: 'empty',
        requirement: skillReq('icd', 1),
        minHolders: 1,
        holders: 0,
        holderIds: [],
        gap: 1,
        singlePointOfFailure: false,
      },
      {
        teamId: 'roi',
        requirement: skillReq('hipaa', 3),
        minHolders: 2,
        holders: 1,
        holderIds: ['fay'],
        gap: 1,
        singlePointOfFailure: true,
      },
    ]);
  });

  it('R7 gap is never negative', () => {
    const facts = department();
    facts.teams[1].coverageTargets[1].minHolders = 0;
    const target = computeReadiness(facts, D).targets.find(
      (t) => t.requirement.kind === 'skill' && t.teamId === 'coding',
    );
    expect(target).toMatchObject({ holders: 2, gap: 0 });
  });

  it('R7 single points of failure come from targets and from role requirements that are not targets', () => {
    expect(result.singlePointsOfFailure).toEqual([
      // cpt >= 2 is a coder requirement, not a target: only Bob meets it
      { teamId: 'coding', requirement: skillReq('cpt', 2), staffId: 'bob' },
      { teamId: 'roi', requirement: skillReq('hipaa', 3), staffId: 'fay' },
    ]);
  });

  it('R7 a requirement that is both a target and a role requirement is reported once', () => {
    const facts = department();
    facts.teams[1].coverageTargets.push({ requirement: skillReq('cpt', 2), minHolders: 1 });
    const spofs = computeReadiness(facts, D).singlePointsOfFailure.filter(
      (s) => s.teamId === 'coding',
    );
    expect(spofs).toEqual([{ teamId: 'coding', requirement: skillReq('cpt', 2), staffId: 'bob' }]);
  });
});

describe('R8 department figures', () => {
  const result = computeReadiness(department(), D);

  it('R8 department figures are exact fractions over active members and all targets', () => {
    expect(result.staffReadyPct).toBe(3 / 5); // Bob, Carol, Fay
    expect(result.requirementsMetPct).toBe(6 / 8); // 2 + 3 + 0 + 1 + 0 of 3 + 3 + 0 + 1 + 1
    expect(result.targetsMet).toEqual({ met: 2, total: 4 });
  });

  it('R8 department figures carry the counts behind them', () => {
    expect(result.staffReady).toEqual({ ready: 3, total: 5 });
    expect(result.requirementsMet).toEqual({ met: 6, total: 8 });
    // a forecast point carries its own counts: D+60 loses Alice's two requirements
    expect(result.forecast[1].staffReady).toEqual({ ready: 3, total: 5 });
    expect(result.forecast[1].requirementsMet).toEqual({ met: 4, total: 8 });
  });

  it('R8 figures per team; an empty team has null figures', () => {
    expect(result.teams).toEqual([
      {
        teamId: 'coding',
        name: 'Coding',
        activeStaff: 3,
        staffReadyPct: 2 / 3,
        requirementsMetPct: 5 / 6,
        targetsMet: { met: 2, total: 2 },
        staffReady: { ready: 2, total: 3 },
        requirementsMet: { met: 5, total: 6 },
      },
      {
        teamId: 'empty',
        name: 'Empty',
        activeStaff: 0,
        staffReadyPct: null,
        requirementsMetPct: null,
        targetsMet: { met: 0, total: 1 },
        staffReady: { ready: 0, total: 0 },
        requirementsMet: { met: 0, total: 0 },
      },
      {
        teamId: 'roi',
        name: 'Release of Information',
        activeStaff: 2,
        staffReadyPct: 1 / 2,
        requirementsMetPct: 1 / 2,
        targetsMet: { met: 0, total: 1 },
        staffReady: { ready: 1, total: 2 },
        requirementsMet: { met: 1, total: 2 },
      },
    ]);
  });

  it('R8 requirementsMetPct is null when no active member has a requirement', () => {
    const facts = department();
    facts.staff = [member('carol', { name: 'Carol', teamId: 'coding', roleId: 'clerk' })];
    const alone = computeReadiness(facts, D);
    expect(alone.staffReadyPct).toBe(1);
    expect(alone.requirementsMetPct).toBeNull();
  });

  it('R8 a department with no active staff and no targets has null figures and 0 of 0 targets', () => {
    const facts = department({ staff: [], teams: [] });
    const empty = computeReadiness(facts, D);
    expect(empty.staffReadyPct).toBeNull();
    expect(empty.requirementsMetPct).toBeNull();
    expect(empty.targetsMet).toEqual({ met: 0, total: 0 });
    expect(empty.forecast.every((p) => p.staffReadyPct === null)).toBe(true);
  });

  it('R8 a team filter restricts members, teams, targets and figures to that team', () => {
    const roi = computeReadiness(department(), D, { teamId: 'roi' });
    expect(roi.members.map((m) => m.staffId)).toEqual(['fay', 'gus']);
    expect(roi.onLeave).toEqual([]);
    expect(roi.teams.map((t) => t.teamId)).toEqual(['roi']);
    expect(roi.staffReadyPct).toBe(1 / 2);
    expect(roi.requirementsMetPct).toBe(1 / 2);
    expect(roi.targetsMet).toEqual({ met: 0, total: 1 });
    expect(roi.singlePointsOfFailure).toEqual([
      { teamId: 'roi', requirement: skillReq('hipaa', 3), staffId: 'fay' },
    ]);
    expect(roi.forecast[1].lapsed).toEqual([]);
  });
});

describe('R9 forecast', () => {
  const result = computeReadiness(department(), D);

  it('R9 forecast points at D+30, D+60, D+90 and D+180', () => {
    expect(result.forecast.map((p) => [p.days, p.date])).toEqual([
      [30, '2026-04-14'],
      [60, '2026-05-14'],
      [90, '2026-06-13'],
      [180, '2026-09-11'],
    ]);
  });

  it('R9 forecast dates are computed right across month ends and leap days', () => {
    expect(forecastDates('2026-01-31')).toEqual([
      { days: 30, date: '2026-03-02' },
      { days: 60, date: '2026-04-01' },
      { days: 90, date: '2026-05-01' },
      { days: 180, date: '2026-07-30' },
    ]);
    expect(forecastDates('2028-02-15', { forecastDays: [14, 30] })).toEqual([
      { days: 14, date: '2028-02-29' },
      { days: 30, date: '2028-03-16' },
    ]);
  });

  it('R9 figures drop once a credential lapses; later renewals and assessments are ignored', () => {
    // D+30: as on D. Gus's manager assessment of hipaa 3 (dated after D) is not used.
    expect(result.forecast[0]).toMatchObject({
      staffReadyPct: 3 / 5,
      requirementsMetPct: 6 / 8,
      targetsMet: { met: 2, total: 4 },
      lapsed: [],
    });
    // D+60: Alice's CCS has expired and its renewal (issued after D) is unknown on D,
    // so she loses the credential group and icd 3; the coding credential target has a gap.
    expect(result.forecast[1]).toMatchObject({
      staffReadyPct: 3 / 5,
      requirementsMetPct: 4 / 8,
      targetsMet: { met: 1, total: 4 },
    });
  });

  it('R9 lapsed lists credentials of non-terminated staff current on D and not on the date', () => {
    expect(result.forecast[1].lapsed).toEqual([
      {
        staffId: 'alice',
        credentialId: 'alice-ccs',
        credentialTypeId: 'CCS',
        expiresOn: '2026-04-30',
      },
      { staffId: 'dan', credentialId: 'dan-ccs', credentialTypeId: 'CCS', expiresOn: '2026-05-01' },
    ]);
    expect(result.forecast[3].lapsed.map((l) => l.credentialId)).toEqual(['alice-ccs', 'dan-ccs']);
  });

  it('R9 a revocation already recorded for a later day lapses the credential on that day', () => {
    const facts = department();
    facts.credentials = facts.credentials.map((c) =>
      c.id === 'bob-cpc' ? { ...c, revokedOn: '2026-04-10' } : c,
    );
    const revoked = computeReadiness(facts, D);
    expect(revoked.forecast[0].lapsed).toEqual([
      { staffId: 'bob', credentialId: 'bob-cpc', credentialTypeId: 'CPC', expiresOn: '2027-01-01' },
    ]);
    expect(revoked.forecast[0].staffReadyPct).toBe(2 / 5);
  });

  it('R9 a named date (a survey day) is forecast too, sorted among the others', () => {
    const withSurvey = computeReadiness(department(), D, { extraDates: ['2026-06-01'] });
    expect(withSurvey.forecast.map((p) => [p.days, p.date])).toEqual([
      [30, '2026-04-14'],
      [60, '2026-05-14'],
      [78, '2026-06-01'],
      [90, '2026-06-13'],
      [180, '2026-09-11'],
    ]);
    expect(withSurvey.forecast[2].lapsed.map((l) => l.credentialId)).toEqual([
      'alice-ccs',
      'dan-ccs',
    ]);
    // Coding's "2 holding CCS or CPC" is met on D and falls short once Alice's CCS lapses
    expect(withSurvey.forecast[2].targetsFallingShort).toEqual([
      {
        teamId: 'coding',
        requirement: { kind: 'credential', anyOf: ['CPC', 'CCS'] },
        minHolders: 2,
        holders: 1,
      },
    ]);
  });

  it('R9 custom forecast offsets replace the defaults; a repeated date gives one point', () => {
    const custom = computeReadiness(department(), D, {
      forecastDays: [7],
      extraDates: ['2026-03-22'],
    });
    expect(custom.forecast.map((p) => [p.days, p.date])).toEqual([[7, '2026-03-22']]);
  });

  it('R9 a forecast at D+0 equals the figures on D', () => {
    const zero = computeReadiness(department(), D, { forecastDays: [0] }).forecast[0];
    expect(zero).toEqual({
      days: 0,
      date: D,
      staffReadyPct: result.staffReadyPct,
      requirementsMetPct: result.requirementsMetPct,
      targetsMet: result.targetsMet,
      staffReady: result.staffReady,
      requirementsMet: result.requirementsMet,
      lapsed: [],
    });
  });

  it('R9 rejects a malformed date', () => {
    expect(() => computeReadiness(department(), '2026-02-30')).toThrow(RangeError);
    expect(() => computeReadiness(department(), D, { extraDates: ['June 1'] })).toThrow(RangeError);
  });
});

describe('R2 lapsing assessments in readiness', () => {
  // hipaa is reassessed every 6 months: Fay's hipaa 3 of 2025-11-01 counts through 2026-05-01
  const lapsing = () =>
    department({
      skills: [skill('hipaa', 6)],
      settings: { ...SETTINGS, assessmentValidityMonths: 36 },
    });
  const fay = (date: string) =>
    computeReadiness(lapsing(), date, { forecastDays: [] }).members.find(
      (m) => m.staffId === 'fay',
    );

  it('R2 a member is ready through the last day the assessment counts and not the day after', () => {
    expect(fay('2026-05-01')).toMatchObject({ ready: true, met: 1 });
    expect(fay('2026-05-02')).toMatchObject({
      ready: false,
      met: 0,
      missing: [skillReq('hipaa', 3)],
    });
  });

  it('R2 forecasts see assessments lapse; a reassessment after D is not known (R9)', () => {
    const result = computeReadiness(lapsing(), D, {
      forecastDays: [],
      extraDates: ['2026-05-01', '2026-05-02'],
    });
    // on D: Bob, Carol and Fay ready of five active
    expect(result.staffReadyPct).toBe(3 / 5);
    expect(result.forecast.map((p) => [p.date, p.staffReadyPct])).toEqual([
      ['2026-05-01', 3 / 5], // Alice's CCS has lapsed, but she was not ready anyway
      ['2026-05-02', 2 / 5], // Fay's hipaa assessment has lapsed
    ]);
    // Gus's reassessment of 2026-03-20 is after D: unknown to the forecast, though a direct
    // evaluation on 2026-05-02 sees it
    const direct = computeReadiness(lapsing(), '2026-05-02', { forecastDays: [] });
    expect(direct.members.find((m) => m.staffId === 'gus')).toMatchObject({ ready: true });
  });

  it('R9 a named date says who stops being ready by then, with their team and what they miss', () => {
    const result = computeReadiness(lapsing(), D, {
      forecastDays: [30],
      extraDates: ['2026-05-02'],
    });
    const survey = result.forecast.find((p) => p.date === '2026-05-02');
    // Alice was not ready on D, so only Fay stops being ready
    expect(survey?.membersNoLongerReady).toEqual([
      { staffId: 'fay', teamId: expect.any(String), missing: [skillReq('hipaa', 3)] },
    ]);
    expect(survey?.membersNoLongerReady?.[0].teamId).toBe(
      result.members.find((m) => m.staffId === 'fay')?.teamId,
    );
    expect(Array.isArray(survey?.targetsFallingShort)).toBe(true);
    // the fixed offsets carry no such lists: the answer stays small
    expect(result.forecast.find((p) => p.days === 30)).not.toHaveProperty('membersNoLongerReady');
  });

  it('R2 without reassessment periods nothing lapses (the department setting is null)', () => {
    const result = computeReadiness(department(), '2099-01-01', { forecastDays: [] });
    expect(result.members.find((m) => m.staffId === 'fay')).toMatchObject({ ready: true });
  });
});

describe('R5 verifiedOnly in readiness', () => {
  // the coder role asks for a verified CCS or CPC; Bob's CPC is verified on 2026-03-16, after D
  const verifiedOnly = () => {
    const facts = department();
    facts.roles[0] = {
      id: 'coder',
      requirements: [skillReq('icd', 3), verifiedReq('CCS', 'CPC'), skillReq('cpt', 2)],
    };
    facts.teams[1].coverageTargets[0] = { requirement: verifiedReq('CPC', 'CCS'), minHolders: 1 };
    facts.credentials = facts.credentials.map((c) =>
      c.id === 'bob-cpc' ? { ...c, verifiedOn: '2026-03-16' } : c,
    );
    return facts;
  };

  it('R5 a verifiedOnly requirement is missed until the verification is recorded', () => {
    const onD = computeReadiness(verifiedOnly(), D, { forecastDays: [30] });
    expect(onD.members.find((m) => m.staffId === 'bob')).toMatchObject({
      ready: false,
      missing: [verifiedReq('CCS', 'CPC')],
    });
    // Alice's CCS is verified since its issue: she holds the verified target
    expect(
      onD.targets.find((t) => t.teamId === 'coding' && t.requirement.kind === 'credential'),
    ).toMatchObject({
      holders: 1,
      holderIds: ['alice'],
      gap: 0,
    });
    // the forecast made on D does not know the verification of 2026-03-16
    expect(onD.forecast[0].staffReadyPct).toBe(onD.staffReadyPct);
    const later = computeReadiness(verifiedOnly(), '2026-03-16', { forecastDays: [] });
    expect(later.members.find((m) => m.staffId === 'bob')).toMatchObject({ ready: true });
    expect(later.staffReadyPct).toBe(3 / 5);
    expect(onD.staffReadyPct).toBe(2 / 5);
  });
});

describe('R9 forecast against a direct evaluation', () => {
  it('R9 each forecast point equals readiness on its date with only the records known on D', () => {
    const { facts } = generateDepartment(D, {
      staff: 400,
      credentialsPerMember: 3,
      assessmentsPerMember: 8,
      activitiesPerMember: 0,
      teams: 5,
      roles: 6,
      skills: 12,
      credentialTypes: 8,
    });
    const result = computeReadiness(facts, D, { extraDates: ['2026-01-10', '2027-03-15'] });
    const known: DepartmentFacts = {
      ...facts,
      assessments: facts.assessments.filter((a) => a.assessedOn <= D),
      credentials: facts.credentials.filter((c) => c.issuedOn <= D),
    };
    expect(result.forecast).toHaveLength(6);
    for (const point of result.forecast) {
      const direct = computeReadiness(known, point.date, { forecastDays: [] });
      expect([point.date, point.staffReadyPct, point.requirementsMetPct, point.targetsMet]).toEqual(
        [point.date, direct.staffReadyPct, direct.requirementsMetPct, direct.targetsMet],
      );
      expect([point.staffReady, point.requirementsMet]).toEqual([
        direct.staffReady,
        direct.requirementsMet,
      ]);
    }
    // the generated department is not trivial: the figures move over the year
    expect(new Set(result.forecast.map((p) => p.requirementsMetPct)).size).toBe(6);
  });
});
