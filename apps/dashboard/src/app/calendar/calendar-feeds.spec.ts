import { Clipboard } from '@angular/cdk/clipboard';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuthUser, CalendarToken, CreatedCalendarToken } from '@him/contracts';
import { storeSession, testUser } from '../../testing/auth-session';
import { CalendarFeeds } from './calendar-feeds';

const LIST_URL = '/api/v1/calendar-tokens?limit=500&offset=0';
const SECRET = 'Z3JlYXQtc2VjcmV0LXRoYXQtaXMtNDMtY2hhcmFjdGVycy4';

function feed(overrides: Partial<CalendarToken> = {}): CalendarToken {
  return {
    id: 'feed-1',
    userId: 'user-manager',
    label: 'Work phone',
    scope: 'self',
    createdAt: '2026-11-02T10:00:00.000Z',
    lastUsedAt: '2026-11-20T08:30:00.000Z',
    revokedAt: null,
    ...overrides,
  };
}

describe('CalendarFeeds', () => {
  let fixture: ComponentFixture<CalendarFeeds>;
  let element: HTMLElement;
  let http: HttpTestingController;
  let copy: jest.Mock;

  async function create(user: AuthUser, feeds: CalendarToken[] = [feed()]): Promise<void> {
    sessionStorage.clear();
    storeSession(user);
    copy = jest.fn().mockReturnValue(true);
    TestBed.configureTestingModule({
      imports: [CalendarFeeds],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: Clipboard, useValue: { copy } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CalendarFeeds);
    element = fixture.nativeElement;
    await fixture.whenStable();
    http.expectOne(LIST_URL).flush({ items: feeds, total: feeds.length });
    await fixture.whenStable();
  }

  function button(text: string): HTMLButtonElement {
    const found = Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.trim() === text,
    );
    if (!found) throw new Error(`no button "${text}"`);
    return found;
  }

  function typeLabel(value: string): void {
    const input = element.querySelector<HTMLInputElement>('input[formcontrolname="label"]');
    if (!input) throw new Error('no label field');
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => http.verify());

  it('lists the feeds with their scope, use and status, never asking for a secret', async () => {
    await create(testUser('manager', { staffId: 'staff-9' }), [
      feed(),
      feed({
        id: 'feed-2',
        label: null,
        scope: 'teams',
        lastUsedAt: null,
        revokedAt: '2026-11-21T09:00:00Z',
      }),
    ]);
    const records = Array.from(element.querySelectorAll('li.record'));
    expect(records.map((r) => r.querySelector('.record__title')?.textContent?.trim())).toEqual([
      'Work phone',
      'Unnamed feed',
    ]);
    expect(records[0].textContent).toContain('Active');
    expect(records[0].textContent).toContain(
      'My deadlines · created 2 Nov 2026 · last read by a calendar 20 Nov 2026',
    );
    expect(records[1].textContent).toContain('Revoked 21 Nov 2026');
    expect(records[1].textContent).toContain("My teams' deadlines");
    expect(records[1].querySelector('button')).toBeNull();
    expect(element.querySelector('[data-testid="created-feed"]')).toBeNull();
  });

  it('creates a feed and shows its address once, with a copy button and how to subscribe', async () => {
    await create(testUser('manager', { staffId: 'staff-9' }), []);
    expect(element.textContent).toContain('You have no calendar feeds yet.');
    const radios = Array.from(element.querySelectorAll('mat-radio-button')).map((r) =>
      r.textContent?.trim(),
    );
    expect(radios).toEqual([
      'My deadlines (your credentials and CE cycles)',
      "My teams' deadlines (the members of the teams you manage)",
    ]);
    element.querySelectorAll<HTMLInputElement>('mat-radio-button input')[1].click();
    typeLabel('  Team wall calendar ');
    button('Create feed').click();
    await fixture.whenStable();

    const request = http.expectOne('/api/v1/calendar-tokens');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ scope: 'teams', label: 'Team wall calendar' });
    const created: CreatedCalendarToken = {
      ...feed({ id: 'feed-3', label: 'Team wall calendar', scope: 'teams', lastUsedAt: null }),
      token: SECRET,
      feedUrl: `/api/v1/calendar/${SECRET}.ics`,
    };
    request.flush(created);
    await fixture.whenStable();

    const panel = element.querySelector('[data-testid="created-feed"]') as HTMLElement;
    expect(panel.textContent).toContain('it is shown only once');
    expect(panel.textContent).toContain('Subscribe in Outlook / Google Calendar / Apple Calendar');
    const address = panel.querySelector<HTMLInputElement>('[data-testid="feed-address"]');
    expect(address?.value).toBe(`http://localhost/api/v1/calendar/${SECRET}.ics`);
    expect(address?.readOnly).toBe(true);
    expect(panel.querySelector('a')?.getAttribute('href')).toBe(
      `webcal://localhost/api/v1/calendar/${SECRET}.ics`,
    );

    button('Copy address').click();
    await fixture.whenStable();
    expect(copy).toHaveBeenCalledWith(`http://localhost/api/v1/calendar/${SECRET}.ics`);
    expect(button('Copied')).toBeTruthy();

    // The list shows the new feed; the secret lives only in the panel, until "Done".
    const titles = Array.from(element.querySelectorAll('li.record .record__title')).map((t) =>
      t.textContent?.trim(),
    );
    expect(titles).toEqual(['Team wall calendar']);
    button('Done').click();
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="created-feed"]')).toBeNull();
    expect(element.innerHTML).not.toContain(SECRET);
  });

  it('offers staff only their own deadlines and says why the server refused', async () => {
    await create(testUser('staff'), []);
    expect(element.querySelector('mat-radio-group')).toBeNull();
    typeLabel('Phone');
    button('Create feed').click();
    await fixture.whenStable();
    const request = http.expectOne('/api/v1/calendar-tokens');
    expect(request.request.body).toEqual({ scope: 'self', label: 'Phone' });
    request.flush(
      { statusCode: 400, error: 'Bad Request', message: ['label must not be blank'] },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(element.querySelector('mat-error')?.textContent?.trim()).toBe('Must not be blank.');
    expect(element.querySelector('[data-testid="created-feed"]')).toBeNull();
  });

  it('revokes a feed only after confirmation', async () => {
    await create(testUser('staff'));
    button('Revoke').click();
    await fixture.whenStable();
    expect(element.textContent).toContain(
      'Revoke “Work phone”? Calendars subscribed to it stop updating.',
    );
    button('Cancel').click();
    await fixture.whenStable();
    http.expectNone(() => true);

    button('Revoke').click();
    await fixture.whenStable();
    button('Revoke feed').click();
    await fixture.whenStable();
    const request = http.expectOne('/api/v1/calendar-tokens/feed-1');
    expect(request.request.method).toBe('DELETE');
    request.flush(feed({ revokedAt: '2026-11-24T03:00:00.000Z' }));
    await fixture.whenStable();
    const record = element.querySelector('li.record') as HTMLElement;
    expect(record.textContent).toContain('Revoked 24 Nov 2026');
    expect(record.querySelector('button')).toBeNull();
  });

  it('shows a failed load with a retry', async () => {
    sessionStorage.clear();
    storeSession(testUser('staff'));
    TestBed.configureTestingModule({
      imports: [CalendarFeeds],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CalendarFeeds);
    element = fixture.nativeElement;
    await fixture.whenStable();
    http.expectOne(LIST_URL).flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Your calendar feeds could not be loaded',
    );
    button('Try again').click();
    await fixture.whenStable();
    http.expectOne(LIST_URL).flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect(element.textContent).toContain('You have no calendar feeds yet.');
  });
});
