import type { DataSource } from 'typeorm';
import { AccessPolicy } from './access-policy';
import type { RequestUser } from './request-user';

const admin: RequestUser = {
  id: 'ua',
  email: 'a@x.org',
  role: 'admin',
  staffId: null,
  departmentId: 'd',
};
const manager: RequestUser = {
  id: 'um',
  email: 'm@x.org',
  role: 'manager',
  staffId: 'sm',
  departmentId: 'd',
};
const staff: RequestUser = {
  id: 'us',
  email: 's@x.org',
  role: 'staff',
  staffId: 'ss',
  departmentId: 'd',
};

// Only the team_manager look-up touches the database: manager 'sm' manages team 't1'.
const query = async (_sql: string, [teamId, staffId]: string[]) =>
  teamId === 't1' && staffId === 'sm' ? [{}] : [];
const policy = new AccessPolicy({ manager: { query }, query } as unknown as DataSource);

describe('AccessPolicy', () => {
  it('lets staff see only their own records', () => {
    expect(policy.canSeeStaff(staff, 'ss')).toBe(true);
    expect(policy.canSeeStaff(staff, 'other')).toBe(false);
    expect(policy.canSeeStaff(manager, 'other')).toBe(true);
    expect(policy.visibleStaffIds(staff)).toEqual(['ss']);
    expect(policy.visibleStaffIds(admin)).toBe('all');
    expect(() => policy.restrictToSelf(staff, 'other')).toThrow(/not found/);
  });

  it('lets only the member self-assess and only managers record manager assessments', () => {
    expect(policy.canRecordAssessment(staff, 'ss', 'self')).toBe(true);
    expect(policy.canRecordAssessment(staff, 'ss', 'manager')).toBe(false);
    expect(policy.canRecordAssessment(manager, 'ss', 'self')).toBe(false);
    expect(policy.canRecordAssessment(manager, 'ss', 'manager')).toBe(true);
  });

  it('lets managers review the teams they manage, admins any, nobody their own CE', async () => {
    expect(await policy.canReviewFor(manager, 't1')).toBe(true);
    expect(await policy.canReviewFor(manager, 't2')).toBe(false);
    expect(await policy.canReviewFor(admin, 't2')).toBe(true);
    expect(await policy.canReviewFor(staff, 't1')).toBe(false);
    expect(await policy.canReviewMember(manager, { id: 'sm', teamId: 't1' })).toBe(false);
    expect(await policy.canReviewMember(manager, { id: 'ss', teamId: 't1' })).toBe(true);
  });

  it('lets the member change their own CE only while submitted, and a reviewer any status', async () => {
    const activity = { staffId: 'ss', createdByUserId: 'us' };
    expect(await policy.ceChangeRight(staff, activity, { id: 'ss', teamId: 't1' })).toBe(
      'while-submitted',
    );
    expect(await policy.ceChangeRight(manager, activity, { id: 'ss', teamId: 't1' })).toBe(
      'any-status',
    );
    expect(await policy.ceChangeRight(manager, activity, { id: 'ss', teamId: 't2' })).toBe(null);
  });
});
