import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Figures, SurveyWindowResponse } from '@him/contracts';
import { expectApi, pageTestProviders, readable } from '../../testing/page-testing';
import { SurveyWindow } from './survey-window';

const FIGURES: Figures = {
  staffReadyPct: 0.8,
  requirementsMetPct: 0.9,
  targetsMet: { met: 3, total: 4 },
  staffReady: { ready: 8, total: 10 },
  requirementsMet: { met: 36, total: 40 },
};

function answer(from: string, to: string): SurveyWindowResponse {
  return {
    asOf: '2026-11-24',
    from,
    to,
    onFrom: FIGURES,
    staffReadyPct: { value: 0.7, firstOn: '2026-12-07' },
    requirementsMetPct: { value: 0.875, firstOn: '2026-12-07' },
    targetsMet: { value: { met: 2, total: 4 }, firstOn: '2026-12-07' },
    teams: [
      {
        teamId: 'team-coding',
        name: 'Coding',
        firstFailingOn: '2026-12-07',
        targets: [
          {
            requirement: { kind: 'credential', anyOf: ['type-ccs'] },
            minHolders: 6,
            firstFailingOn: '2026-12-07',
            holdersThen: 5,
            fewestHolders: 4,
          },
        ],
      },
    ],
    lapses: [
      {
        kind: 'credential',
        staffId: 'staff-hannah',
        credentialId: 'cred-1',
        credentialTypeId: 'type-ccs',
        expiresOn: '2026-12-06',
        revokedOn: null,
        lapsesOn: '2026-12-07',
      },
      {
        kind: 'assessment',
        staffId: 'staff-margaret',
        skillId: 'skill-hipaa',
        level: 4,
        source: 'manager',
        assessedOn: '2025-12-09',
        dueBy: '2026-12-09',
        lapsesOn: '2026-12-10',
      },
    ],
    evaluatedDays: 3,
  };
}

describe('SurveyWindow', () => {
  let fixture: ComponentFixture<SurveyWindow>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [SurveyWindow], providers: pageTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SurveyWindow);
    fixture.componentRef.setInput('asOf', '2026-11-24');
    fixture.componentRef.setInput('names', {
      staff: new Map([
        ['staff-hannah', 'Hannah Kowalski'],
        ['staff-margaret', 'Margaret Okonkwo'],
      ]),
      teams: new Map([['team-coding', 'Coding']]),
    });
    fixture.componentRef.setInput('catalog', {
      skillNames: new Map([['skill-hipaa', 'HIPAA privacy and security']]),
      credentialTypeCodes: new Map([['type-ccs', 'CCS']]),
    });
    root = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('opens a year from the as-of day and shows the lowest figures, failing coverage and lapses in words', async () => {
    const request = expectApi(http, 'readiness/window');
    expect(request.request.params.get('from')).toBe('2026-11-24');
    expect(request.request.params.get('to')).toBe('2027-11-24');
    request.flush(answer('2026-11-24', '2027-11-24'));
    await fixture.whenStable();
    const text = readable(root);
    expect(text).toContain('Unannounced survey between 2026-11-24 and 2027-11-24');
    expect(text).toContain('Staff ready, at the lowest');
    expect(text).toContain('70%');
    expect(text).toContain('2 of 4');
    expect(text).toContain('≥ 6 holding CCS credential');
    expect(text).toContain('CCS credential (expires 2026-12-06)');
    expect(text).toContain('HIPAA privacy and security assessment of 2025-12-09');
    expect(text).toContain('Margaret Okonkwo');
    expect(text).not.toMatch(/\bR1[0-8]\b|\bR[2-9]\b/);
  });

  it('opens on the survey date when one is asked, and refuses a window of more than three years', async () => {
    expectApi(http, 'readiness/window').flush(answer('2026-11-24', '2027-11-24'));
    fixture.componentRef.setInput('surveyDate', '2027-03-01');
    await fixture.whenStable();
    const request = expectApi(http, 'readiness/window');
    expect(request.request.params.get('from')).toBe('2027-03-01');
    request.flush(answer('2027-03-01', '2028-03-01'));
    await fixture.whenStable();

    const to = root.querySelector('[data-testid="window-to"]') as HTMLInputElement;
    to.value = '2031-01-01';
    to.dispatchEvent(new Event('input'));
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(readable(root.querySelector('[role="alert"]'))).toContain(
      'A window can last at most three years.',
    );
  });
});
