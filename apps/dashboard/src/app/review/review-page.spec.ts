import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { CeActivityQueueItem, CeGroup, Expiration } from '@him/contracts';
import { storeSession, testUser } from '../../testing/auth-session';
import { ceActivity, ceGroup, department } from '../../testing/fixtures';
import {
  button,
  expectApi,
  failWith,
  pageTestProviders,
  readable,
  typeInto,
} from '../../testing/page-testing';
import { ReviewPage } from './review-page';

function item(
  id: string,
  staffName: string,
  overrides: Partial<CeActivityQueueItem> = {},
): CeActivityQueueItem {
  return {
    ...ceActivity({
      id,
      status: 'submitted',
      version: 1,
      reviewedAt: null,
      reviewedByUserId: null,
    }),
    title: `Webinar ${id}`,
    staffId: `staff-${staffName.toLowerCase()}`,
    staffName,
    teamId: 'team-coding',
    submittedAt: '2026-05-01T09:00:00.000Z',
    ...overrides,
  };
}

const QUEUE = [
  item('a1', 'Aisha', { categories: ['hiim-domain', 'ahima-provided'], hours: 1.5 }),
  item('a2', 'Ben', { hours: 2 }),
  item('a3', 'Cy', { hours: 0.75 }),
];

describe('ReviewPage', () => {
  let fixture: ComponentFixture<ReviewPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  async function openQueue(
    items: CeActivityQueueItem[] = QUEUE,
    total = items.length,
    urgent: { expirations?: Expiration[]; ceStatus?: CeGroup[] } = {},
  ): Promise<void> {
    sessionStorage.clear();
    storeSession(testUser('manager', { staffId: 'staff-manager' }));
    TestBed.configureTestingModule({ imports: [ReviewPage], providers: pageTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReviewPage);
    root = fixture.nativeElement;
    await fixture.whenStable();
    const request = expectApi(http, 'ce-activities');
    expect(request.request.params.get('status')).toBe('submitted');
    request.flush({ items, total });
    expectApi(http, 'department').flush(department({ timeZone: 'UTC' }));
    await fixture.whenStable();
    expectApi(http, 'expirations').flush(urgent.expirations ?? []);
    expectApi(http, 'ce-status').flush(urgent.ceStatus ?? []);
    await fixture.whenStable();
  }

  function rows(): string[] {
    return Array.from(root.querySelectorAll('tbody tr, tr.mat-mdc-row')).map((row) =>
      readable(row),
    );
  }

  function rowOf(title: string): HTMLElement {
    return Array.from(root.querySelectorAll<HTMLElement>('tr.mat-mdc-row')).find((row) =>
      readable(row).includes(title),
    ) as HTMLElement;
  }

  function dialog(): HTMLElement {
    return document.querySelector('mat-dialog-container') as HTMLElement;
  }

  function checkbox(row: HTMLElement): HTMLInputElement {
    return row.querySelector('input[type="checkbox"]') as HTMLInputElement;
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.remove());
  });

  it('lists submitted activities with the member linked to their profile', async () => {
    await openQueue();

    expect(rows()).toEqual([
      'Aisha Webinar a1 AHA Central Office Categories: HIIM domains, AHIMA or component association provided 2026-05-01 09:00, waiting 31 days 2026-03-06 1.5 None attached Approve Reject',
      'Ben Webinar a2 AHA Central Office Categories: HIIM domains 2026-05-01 09:00, waiting 31 days 2026-03-06 2 None attached Approve Reject',
      'Cy Webinar a3 AHA Central Office Categories: HIIM domains 2026-05-01 09:00, waiting 31 days 2026-03-06 0.75 None attached Approve Reject',
    ]);
    const link = rowOf('Webinar a1').querySelector('a');
    expect(link?.getAttribute('href')).toBe('/staff/staff-aisha');
    expect(checkbox(rowOf('Webinar a1')).getAttribute('aria-label')).toBe(
      'Select Webinar a1 by Aisha',
    );
  });

  it('approves one activity with a note, sending the version it read', async () => {
    await openQueue();

    button(rowOf('Webinar a2'), 'Approve').click();
    await fixture.whenStable();
    expect(readable(dialog().querySelector('h2'))).toBe('Approve “Webinar a2” by Ben?');
    typeInto(dialog().querySelector('textarea') as HTMLTextAreaElement, ' Looks right ');
    button(dialog(), 'Approve').click();
    await fixture.whenStable();

    const review = expectApi(http, 'ce-activities/a2/review', 'POST');
    expect(review.request.body).toEqual({ status: 'approved', version: 1, note: 'Looks right' });
    review.flush({ ...QUEUE[1], status: 'approved', version: 2 });
    await fixture.whenStable();

    expect(rows().map((row) => row.split(' ')[0])).toEqual(['Aisha', 'Cy']);
    expect(readable(root.querySelector('[role="status"]'))).toBe('1 activity approved.');
  });

  it('does nothing when the review dialog is cancelled', async () => {
    await openQueue();

    button(rowOf('Webinar a1'), 'Reject').click();
    await fixture.whenStable();
    expect(readable(dialog().querySelector('h2'))).toBe('Reject “Webinar a1” by Aisha?');
    button(dialog(), 'Cancel').click();
    await fixture.whenStable();

    expect(rows()).toHaveLength(3);
  });

  it('rejects the selected activities one after the other and reports a failed row', async () => {
    await openQueue();

    checkbox(rowOf('Webinar a1')).click();
    checkbox(rowOf('Webinar a3')).click();
    await fixture.whenStable();
    expect(readable(root.querySelector('.bulk-count'))).toBe('2 of 3 selected');

    button(root, 'Reject selected').click();
    await fixture.whenStable();
    expect(readable(dialog().querySelector('h2'))).toBe('Reject 2 activities?');
    // a rejection needs a reason: without one the dialog stays open and says so
    button(dialog(), 'Reject').click();
    await fixture.whenStable();
    expect(readable(dialog().querySelector('mat-error'))).toBe('Say why the activity is rejected.');
    const reason = dialog().querySelector('textarea') as HTMLTextAreaElement;
    reason.value = 'No certificate attached';
    reason.dispatchEvent(new Event('input'));
    button(dialog(), 'Reject').click();
    await fixture.whenStable();

    // Sequential: the second call is made only once the first has answered.
    const first = expectApi(http, 'ce-activities/a1/review', 'POST');
    expect(first.request.body).toEqual({
      status: 'rejected',
      version: 1,
      note: 'No certificate attached',
    });
    http.expectNone('/api/v1/ce-activities/a3/review');
    expect(readable(root.querySelector('[role="status"]'))).toBe('Reviewing 1 of 2…');
    failWith(first, 409, [
      'version: CE activity was changed by someone else (you sent version 1, it is now 2); reload and try again',
    ]);
    await fixture.whenStable();
    const second = expectApi(http, 'ce-activities/a3/review', 'POST');
    second.flush({ ...QUEUE[2], status: 'rejected', version: 2 });
    await fixture.whenStable();

    expect(rows().map((row) => row.split(' ')[0])).toEqual(['Aisha', 'Ben']);
    expect(readable(rowOf('Webinar a1').querySelector('[role="alert"]'))).toBe(
      'Not reviewed: Changed by someone else since the queue loaded. Reload the queue and try again.',
    );
    expect(readable(root.querySelector('[role="status"]'))).toBe(
      '1 activity rejected. 1 could not be rejected; the reason is shown on its row, which stays selected.',
    );
    expect(checkbox(rowOf('Webinar a1')).checked).toBe(true);
    expect(readable(root.querySelector('.bulk-count'))).toBe('1 of 2 selected');
  });

  it('selects and clears every row with the header checkbox', async () => {
    await openQueue();

    const all = root.querySelector<HTMLInputElement>(
      'thead input[type="checkbox"], tr.mat-mdc-header-row input[type="checkbox"]',
    ) as HTMLInputElement;
    expect(all.getAttribute('aria-label')).toBe('Select all activities');
    all.click();
    await fixture.whenStable();
    expect(readable(root.querySelector('.bulk-count'))).toBe('3 of 3 selected');
    all.click();
    await fixture.whenStable();
    expect(readable(root.querySelector('.bulk-count'))).toBe('0 of 3 selected');
    expect(button(root, 'Approve selected').disabled).toBe(true);
  });

  it('says so when nothing is waiting', async () => {
    await openQueue([]);

    expect(readable(root)).toContain('Nothing to review: no submitted activities are waiting.');
    expect(root.querySelector('table')).toBeNull();
  });

  it('says when only the oldest part of a long queue is shown', async () => {
    await openQueue(QUEUE, 612);

    expect(readable(root)).toContain('Showing the oldest 3 of 612.');
  });

  it('shows an error with a retry, and retries', async () => {
    sessionStorage.clear();
    storeSession(testUser('admin'));
    TestBed.configureTestingModule({ imports: [ReviewPage], providers: pageTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReviewPage);
    root = fixture.nativeElement;
    await fixture.whenStable();
    failWith(expectApi(http, 'ce-activities'), 403, ['forbidden']);
    await fixture.whenStable();

    expect(readable(root.querySelector('[role="alert"]'))).toContain(
      'Your account does not have access to the review queue.',
    );
    button(root, 'Try again').click();
    await fixture.whenStable();
    expectApi(http, 'ce-activities').flush({ items: QUEUE, total: 3 });
    await fixture.whenStable();
    expect(rows()).toHaveLength(3);
    http.match(() => true).forEach((request) => request.flush([]));
  });

  it('marks urgent rows in words: a credential lapsing within 30 days or CE at risk', async () => {
    await openQueue(QUEUE, 3, {
      expirations: [
        {
          credentialId: 'c1',
          staffId: 'staff-aisha',
          staffName: 'Aisha',
          teamId: 'team-coding',
          credentialTypeId: 'type-rhit',
          credentialTypeCode: 'RHIT',
          number: null,
          expiresOn: '2026-06-13',
          daysLeft: 12,
          verified: false,
        },
      ],
      ceStatus: [
        ceGroup({ staffId: 'staff-cy', status: 'at-risk' }),
        ceGroup({ staffId: 'staff-ben', status: 'on-track' }),
      ],
    });
    expect(readable(rowOf('Webinar a1'))).toContain('Urgent: RHIT lapses in 12 days');
    expect(readable(rowOf('Webinar a3'))).toMatch(/Urgent: \S+ CE at risk/);
    expect(readable(rowOf('Webinar a2'))).not.toContain('Urgent');
  });

  it('says whether a certificate is attached and opens it beside the queue', async () => {
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:preview'), revokeObjectURL });
    await openQueue([item('a1', 'Aisha', { hasEvidence: true }), item('a2', 'Ben')]);
    expect(readable(rowOf('Webinar a2'))).toContain('None attached');
    button(rowOf('Webinar a1'), 'View certificate').click();
    await fixture.whenStable();
    expectApi(http, 'ce-activities/a1/evidence').flush({
      items: [{ id: 'file-1', originalName: 'certificate.png', contentType: 'image/png' }],
      total: 1,
    });
    expectApi(http, 'evidence/file-1').flush(new Blob(['png'], { type: 'image/png' }));
    await fixture.whenStable();
    const preview = root.querySelector('him-evidence-preview');
    expect(readable(preview?.querySelector('h2') ?? null)).toBe('Certificate: Webinar a1 by Aisha');
    expect(preview?.querySelector('img')?.getAttribute('src')).toMatch(/^blob:/);
    button(preview as HTMLElement, 'Close preview').click();
    await fixture.whenStable();
    expect(root.querySelector('him-evidence-preview')).toBeNull();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:preview');
  });
});
