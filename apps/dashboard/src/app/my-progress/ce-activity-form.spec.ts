import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { storeSession, testUser } from '../../testing/auth-session';
import { button, expectApi, TEST_TODAY, typeInto } from '../../testing/page-testing';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { AuthService, LOGIN_URL } from '../core/auth/auth.service';
import { draftKey } from '../core/forms/draft-storage';
import { DRAFT_RESTORED_MESSAGE } from '../core/forms/form-drafts';
import { CeActivityForm } from './ce-activity-form';

const DRAFT_KEY = draftKey('user-staff', 'ce-activity.staff-1');

describe('CeActivityForm draft across an expired session', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    storeSession(testUser('staff'));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  async function createForm() {
    const fixture = TestBed.createComponent(CeActivityForm);
    fixture.componentRef.setInput('staffId', 'staff-1');
    fixture.componentRef.setInput('today', TEST_TODAY);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const field = (name: string): HTMLInputElement => {
      const input = element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
      if (!input) {
        throw new Error(`No ${name} field`);
      }
      return input;
    };
    const inputs = {
      title: field('title'),
      provider: field('provider'),
      completedOn: field('completedOn'),
      hours: field('hours'),
    };
    return { fixture, element, inputs };
  }

  it('keeps what was typed through a 401 and puts it back after signing in again', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const first = await createForm();
    typeInto(first.inputs.title, 'Outpatient CDI update');
    typeInto(first.inputs.provider, 'AHIMA');
    typeInto(first.inputs.completedOn, '2026-05-20');
    typeInto(first.inputs.hours, '1.5');
    await first.fixture.whenStable();

    // The session has expired by the time the member submits.
    button(first.element, 'Log activity').click();
    await first.fixture.whenStable();
    expectApi(http, 'staff/staff-1/ce-activities', 'POST').flush(
      { message: 'Unauthorized' },
      { status: 401, statusText: 'Unauthorized' },
    );

    expect(JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null')).toEqual({
      title: 'Outpatient CDI update',
      provider: 'AHIMA',
      completedOn: '2026-05-20',
      hours: 1.5,
      categories: [],
      otherCategories: [],
      credentialIds: [],
    });
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.anything());
    first.fixture.destroy();

    // Signing in again brings the member back to the page, where the form is created anew.
    TestBed.inject(AuthService).login('staff@hospital.test', 'secret').subscribe();
    http.expectOne(LOGIN_URL).flush({ accessToken: 'new-token', user: testUser('staff') });
    const second = await createForm();

    expect(second.inputs.title.value).toBe('Outpatient CDI update');
    expect(second.inputs.provider.value).toBe('AHIMA');
    expect(second.inputs.completedOn.value).toBe('2026-05-20');
    expect(second.inputs.hours.value).toBe('1.5');
    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain(
      DRAFT_RESTORED_MESSAGE,
    );
    expect(sessionStorage.getItem(DRAFT_KEY)).toBeNull();

    // Logged this time: nothing is kept for later.
    button(second.element, 'Log activity').click();
    await second.fixture.whenStable();
    const request = expectApi(http, 'staff/staff-1/ce-activities', 'POST');
    expect(request.request.body).toEqual({
      title: 'Outpatient CDI update',
      provider: 'AHIMA',
      completedOn: '2026-05-20',
      hours: 1.5,
    });
    request.flush({ id: 'activity-1', title: 'Outpatient CDI update' });
    await second.fixture.whenStable();
    TestBed.inject(AuthService).endExpiredSession();

    expect(sessionStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('warns when the completion date lies more than a CE cycle in the past', async () => {
    const { fixture, element, inputs } = await createForm();
    fixture.componentRef.setInput('cycleMonths', 24);
    const warning = () => element.querySelector('[data-testid="completed-on-warning"]');
    typeInto(inputs.completedOn, '2024-05-31');
    await fixture.whenStable();
    expect(warning()?.textContent).toContain('More than 24 months ago, longer than a CE cycle');
    typeInto(inputs.completedOn, '2024-06-01');
    await fixture.whenStable();
    expect(warning()).toBeNull();
  });
});
