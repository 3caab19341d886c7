import { TestBed } from '@angular/core/testing';
import { USER_ROLES } from '@him/contracts';
import { appRoutes } from '../app.routes';
import { routeAllowsUser } from '../core/auth/roles';
import { navEntryOf } from '../shell/nav-entry';
import { testUser } from '../../testing/auth-session';
import { SAVE_FILE } from './save-file';

describe('SAVE_FILE', () => {
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  afterEach(() => {
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('saves through a temporary download link and lets the object URL go', () => {
    jest.useFakeTimers();
    URL.createObjectURL = jest.fn(() => 'blob:report-1');
    URL.revokeObjectURL = jest.fn();
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
      expect(document.body.contains(this)).toBe(true);
    });
    const blob = new Blob(['Member,Team\r\n'], { type: 'text/csv' });

    TestBed.inject(SAVE_FILE)(blob, 'compliance-x-department-2026-06-01.csv');

    expect(URL.createObjectURL).toHaveBeenCalledWith(blob);
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('compliance-x-department-2026-06-01.csv');
    expect(clicked[0].getAttribute('href')).toBe('blob:report-1');
    expect(document.body.contains(clicked[0])).toBe(false);
    jest.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:report-1');
  });
});

describe('the Reports route', () => {
  it('is in the navigation for every role', () => {
    const shell = appRoutes.find((route) => route.path === '' && route.children);
    const reports = shell?.children?.find((route) => route.path === 'reports');
    expect(navEntryOf(reports?.data)?.label).toBe('Reports');
    for (const role of USER_ROLES) {
      expect(routeAllowsUser(reports?.data, testUser(role))).toBe(true);
    }
  });
});
