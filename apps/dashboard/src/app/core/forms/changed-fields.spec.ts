import { changedFields, sameData, sameMembers } from './changed-fields';

describe('changedFields', () => {
  const role = {
    id: 'r1',
    name: 'Coder',
    description: null,
    requirements: [{ kind: 'skill', skillId: 's1', minLevel: 3 }],
    version: 4,
  };

  it('keeps only the fields that differ from the record', () => {
    expect(
      changedFields(
        {
          name: 'Coder',
          description: null,
          requirements: [{ minLevel: 3, skillId: 's1', kind: 'skill' }],
        },
        role,
      ),
    ).toEqual({});
    expect(
      changedFields({ name: 'Inpatient coder', description: null, requirements: [] }, role),
    ).toEqual({ name: 'Inpatient coder', requirements: [] });
  });

  it('treats a missing or null member as the same, and keeps list order significant', () => {
    expect(
      sameData({ categories: ['a'], hours: 4 }, { categories: ['a'], hours: 4, share: null }),
    ).toBe(true);
    expect(sameData([1, 2], [2, 1])).toBe(false);
    expect(sameData(null, undefined)).toBe(true);
    expect(sameData('', null)).toBe(false);
    expect(sameData(0, null)).toBe(false);
  });

  it('lets a field say what "the same" means', () => {
    const team = { name: 'Coding', managerStaffIds: ['a', 'b'] };
    expect(
      changedFields({ name: 'Coding', managerStaffIds: ['b', 'a'] }, team, {
        managerStaffIds: sameMembers,
      }),
    ).toEqual({});
    expect(
      changedFields({ name: 'Coding', managerStaffIds: ['b'] }, team, {
        managerStaffIds: sameMembers,
      }),
    ).toEqual({ managerStaffIds: ['b'] });
    expect(sameMembers(['a'], null)).toBe(false);
  });
});
