import { generateDepartment } from '../../bench/generate-department';
import {
  assessment,
  credential,
  credReq,
  member,
  SETTINGS,
  skill,
  skillReq,
  type,
} from '../testing/fixtures';
import { isCredentialCurrent } from './credentials';
import { addDays } from './dates';
import type { DepartmentFacts } from './model';
import { computeReadiness } from './readiness';
import { computeSurveyWindow } from './survey-window';

const D = '2026-03-15';
const FROM = '2026-04-01';
const TO = '2026-09-30';

/**
 * Coding (coders need icd 3 and a CCS or CPC; targets: 2 holders of CCS or CPC, 1 of icd 3):
 * Alice (CCS to 2026-05-31, icd 3 counting through 2026-07-15), Bob (CPC to 2026-09-30, icd 3;
 * an RHIT to 2026-09-29), Carol (CPC revoked on 2026-08-10; a CCS that expired 2026-03-31),
 * Dan on leave (CCS to 2026-05-01). ROI (1 holder of hipaa 3): Fay (hipaa 3 counting through
 * 2026-06-30: hipaa is reassessed yearly). The department's assessments count 36 months.
 */
function department(overrides: Partial<DepartmentFacts> = {}): DepartmentFacts {
  return {
    settings: { ...SETTINGS, assessmentValidityMonths: 36 },
    skills: [skill('hipaa', 12), skill('icd')],
    staff: [
      member('alice', { name: 'Alice', teamId: 'coding', roleId: 'coder' }),
      member('bob', { name: 'Bob', teamId: 'coding', roleId: 'coder' }),
      member('carol', { name: 'Carol', teamId: 'coding', roleId: 'coder' }),
      member('dan', { name: 'Dan', teamId: 'coding', roleId: 'coder', status: 'leave' }),
      member('fay', { name: 'Fay', teamId: 'roi', roleId: 'roi' }),
    ],
    roles: [
      { id: 'coder', requirements: [skillReq('icd', 3), credReq('CCS', 'CPC')] },
      { id: 'roi', requirements: [skillReq('hipaa', 3)] },
    ],
    teams: [
      {
        id: 'roi',
        name: 'ROI',
        coverageTargets: [{ requirement: skillReq('hipaa', 3), minHolders: 1 }],
      },
      {
        id: 'coding',
        name: 'Coding',
        coverageTargets: [
          { requirement: credReq('CCS', 'CPC'), minHolders: 2 },
          { requirement: skillReq('icd', 3), minHolders: 1 },
        ],
      },
      { id: 'empty', name: 'Empty', coverageTargets: [] },
    ],
    credentialTypes: [type('CCS', 'AHIMA', 20), type('CPC', 'AAPC', 36), type('RHIT', 'AHIMA', 20)],
    credentials: [
      credential('alice-ccs', 'alice', 'CCS', { expiresOn: '2026-05-31' }),
      credential('bob-cpc', 'bob', 'CPC', { expiresOn: '2026-09-30' }),
      credential('bob-rhit', 'bob', 'RHIT', { expiresOn: '2026-09-29' }),
      credential('carol-cpc', 'carol', 'CPC', { expiresOn: null, revokedOn: '2026-08-10' }),
      credential('carol-ccs', 'carol', 'CCS', { expiresOn: '2026-03-31' }),
      credential('dan-ccs', 'dan', 'CCS', { expiresOn: '2026-05-01' }),
    ],
    assessments: [
      assessment('alice', 'icd', 3, '2023-07-15'),
      assessment('bob', 'icd', 3, '2025-01-01'),
      assessment('fay', 'hipaa', 3, '2025-06-30'),
      // after D: a forecast made on D does not know it
      assessment('fay', 'hipaa', 3, '2026-03-20'),
    ],
    ...overrides,
  };
}

describe('R17 survey window', () => {
  const window = computeSurveyWindow(department(), D, FROM, TO);

  it('R17 gives the lowest value of each figure in the window and the first day it is reached', () => {
    expect(window.onFrom).toEqual({
      staffReadyPct: 3 / 4,
      requirementsMetPct: 6 / 7,
      targetsMet: { met: 3, total: 3 },
      staffReady: { ready: 3, total: 4 },
      requirementsMet: { met: 6, total: 7 },
    });
    // Alice loses her CCS on 06-01, Fay her hipaa on 07-01, Alice her icd on 07-16, Carol her CPC on 08-10
    expect(window.staffReadyPct).toEqual({ value: 1 / 4, firstOn: '2026-07-01' });
    expect(window.requirementsMetPct).toEqual({ value: 2 / 7, firstOn: '2026-08-10' });
    expect(window.targetsMet).toEqual({ value: { met: 1, total: 3 }, firstOn: '2026-08-10' });
  });

  it('R17 lists the teams whose targets fail on some day, with the first failing day and target', () => {
    expect(window.teams).toEqual([
      {
        teamId: 'coding',
        name: 'Coding',
        firstFailingOn: '2026-08-10',
        targets: [
          {
            requirement: credReq('CCS', 'CPC'),
            minHolders: 2,
            firstFailingOn: '2026-08-10',
            holdersThen: 1,
            fewestHolders: 1,
          },
        ],
      },
      {
        teamId: 'roi',
        name: 'ROI',
        firstFailingOn: '2026-07-01',
        targets: [
          {
            requirement: skillReq('hipaa', 3),
            minHolders: 1,
            firstFailingOn: '2026-07-01',
            holdersThen: 0,
            fewestHolders: 0,
          },
        ],
      },
    ]);
  });

  it('R17 lists every credential and assessment that lapses inside the window, with the day', () => {
    expect(window.lapses).toEqual([
      {
        kind: 'credential',
        staffId: 'dan',
        credentialId: 'dan-ccs',
        credentialTypeId: 'CCS',
        expiresOn: '2026-05-01',
        revokedOn: null,
        lapsesOn: '2026-05-02',
      },
      expect.objectContaining({ credentialId: 'alice-ccs', lapsesOn: '2026-06-01' }),
      {
        kind: 'assessment',
        staffId: 'fay',
        skillId: 'hipaa',
        level: 3,
        source: 'manager',
        assessedOn: '2025-06-30',
        dueBy: '2026-06-30',
        lapsesOn: '2026-07-01',
      },
      expect.objectContaining({ kind: 'assessment', staffId: 'alice', lapsesOn: '2026-07-16' }),
      expect.objectContaining({
        credentialId: 'carol-cpc',
        revokedOn: '2026-08-10',
        lapsesOn: '2026-08-10',
      }),
      // current through 09-29, not on the window's last day
      expect.objectContaining({ credentialId: 'bob-rhit', lapsesOn: '2026-09-30' }),
    ]);
    // Bob's CPC is current on the last day of the window; Carol's CCS had lapsed before it opened
    expect(window.lapses.some((l) => l.kind === 'credential' && l.credentialId === 'bob-cpc')).toBe(
      false,
    );
    expect(
      window.lapses.some((l) => l.kind === 'credential' && l.credentialId === 'carol-ccs'),
    ).toBe(false);
  });

  it('R17 evaluates only the first day and the days on which a figure can change', () => {
    // 04-01, then 06-01, 07-01, 07-16, 08-10 and 09-30 (Dan is on leave: his lapse changes no figure)
    expect(window.evaluatedDays).toBe(6);
  });

  it('R17 a window of one day is that day; the first day may be D itself', () => {
    const oneDay = computeSurveyWindow(department(), D, '2026-07-01', '2026-07-01');
    expect(oneDay.evaluatedDays).toBe(1);
    expect(oneDay.staffReadyPct).toEqual({ value: 1 / 4, firstOn: '2026-07-01' });
    expect(oneDay.lapses).toEqual([]);
    expect(oneDay.teams.map((t) => [t.teamId, t.firstFailingOn])).toEqual([['roi', '2026-07-01']]);
    const fromD = computeSurveyWindow(department(), D, D, '2026-04-01');
    // Carol's CCS lapses on 04-01, inside a window opening on D; it changes no figure she had
    expect(fromD.lapses.map((l) => (l.kind === 'credential' ? l.credentialId : l.skillId))).toEqual(
      ['carol-ccs'],
    );
    expect(fromD.staffReadyPct).toEqual({ value: 3 / 4, firstOn: D });
  });

  it('R17 a figure whose denominator is 0 is null on every day, first reached on the first day', () => {
    const empty = computeSurveyWindow(department(), D, FROM, TO, { teamId: 'empty' });
    expect(empty.staffReadyPct).toEqual({ value: null, firstOn: FROM });
    expect(empty.requirementsMetPct).toEqual({ value: null, firstOn: FROM });
    expect(empty.targetsMet).toEqual({ value: { met: 0, total: 0 }, firstOn: FROM });
    expect(empty.teams).toEqual([]);
    const roi = computeSurveyWindow(department(), D, FROM, TO, { teamId: 'roi' });
    expect(roi.staffReadyPct).toEqual({ value: 0, firstOn: '2026-07-01' });
    expect(roi.lapses.map((l) => l.staffId)).toEqual(['fay']);
  });

  it('R17 rejects a window that starts before D or ends before it starts', () => {
    expect(() => computeSurveyWindow(department(), D, '2026-03-14', TO)).toThrow(RangeError);
    expect(() => computeSurveyWindow(department(), D, TO, FROM)).toThrow(RangeError);
    expect(() => computeSurveyWindow(department(), D, '2026-04-31', TO)).toThrow(RangeError);
  });
});

describe('R17 survey window against a day-by-day evaluation', () => {
  it('R17 the lowest figures and failing targets equal those of every day of the window', () => {
    const { facts } = generateDepartment(D, {
      staff: 300,
      credentialsPerMember: 3,
      assessmentsPerMember: 8,
      activitiesPerMember: 0,
      teams: 5,
      roles: 6,
      skills: 12,
      credentialTypes: 8,
    });
    const from = '2026-05-01';
    const to = '2027-03-31';
    const result = computeSurveyWindow(facts, D, from, to);
    // what is known on D, evaluated on each day as if it were today
    const known: DepartmentFacts = {
      ...facts,
      assessments: facts.assessments.filter((a) => a.assessedOn <= D),
      credentials: facts.credentials.filter((c) => c.issuedOn <= D),
    };
    type Low = { value: number; firstOn: string };
    const lowest = {
      ready: null as Low | null,
      met: null as Low | null,
      targets: null as Low | null,
    };
    const lower = (current: Low | null, value: number, day: string): Low =>
      current === null || value < current.value ? { value, firstOn: day } : current;
    const firstFailing = new Map<string, string>();
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const direct = computeReadiness(known, day, { forecastDays: [] });
      lowest.ready = lower(lowest.ready, direct.staffReadyPct as number, day);
      lowest.met = lower(lowest.met, direct.requirementsMetPct as number, day);
      lowest.targets = lower(lowest.targets, direct.targetsMet.met, day);
      direct.targets.forEach((target, t) => {
        if (target.gap > 0 && !firstFailing.has(`${t}`)) {
          firstFailing.set(`${t}`, `${target.teamId} ${day}`);
        }
      });
    }
    expect(result.staffReadyPct).toEqual(lowest.ready);
    expect(result.requirementsMetPct).toEqual(lowest.met);
    expect([result.targetsMet.value.met, result.targetsMet.firstOn]).toEqual([
      lowest.targets?.value,
      lowest.targets?.firstOn,
    ]);
    expect(
      result.teams
        .flatMap((team) => team.targets.map((t) => `${team.teamId} ${t.firstFailingOn}`))
        .sort(),
    ).toEqual([...firstFailing.values()].sort());
    // the department is not trivial: figures fall inside the window and targets fail
    expect(result.requirementsMetPct.value).toBeLessThan(
      result.onFrom.requirementsMetPct as number,
    );
    expect(result.requirementsMetPct.firstOn > from).toBe(true);
    expect(result.teams.length).toBeGreaterThan(0);
    expect(result.evaluatedDays).toBeLessThan(336);
    // the credentials listed: those of non-terminated members current on `from` and not on `to`,
    // each on the first day it is not current
    const nonTerminated = new Set(
      facts.staff.filter((m) => m.status !== 'terminated').map((m) => m.id),
    );
    const expected = known.credentials
      .filter(
        (c) =>
          nonTerminated.has(c.staffId) &&
          isCredentialCurrent(c, from, facts.settings) &&
          !isCredentialCurrent(c, to, facts.settings),
      )
      .map((c) => {
        let day = from;
        while (isCredentialCurrent(c, day, facts.settings)) day = addDays(day, 1);
        return `${c.id} ${day}`;
      })
      .sort();
    const listed = result.lapses
      .flatMap((l) => (l.kind === 'credential' ? [`${l.credentialId} ${l.lapsesOn}`] : []))
      .sort();
    expect(listed).toEqual(expected);
    expect(listed.length).toBeGreaterThan(0);
    expect(result.lapses.some((l) => l.kind === 'assessment')).toBe(true);
    // soonest first
    const days = result.lapses.map((l) => l.lapsesOn);
    expect(days).toEqual([...days].sort());
  });
});
