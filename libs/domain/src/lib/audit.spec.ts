import { auditDiff, deepEqual } from './audit';

describe('R16 audit diff', () => {
  it('R16 reports only the changed keys, with both sides', () => {
    const before = {
      id: 'c1',
      number: 'A-1',
      expiresOn: '2026-06-30',
      verification: null,
      version: 3,
    };
    const after = {
      id: 'c1',
      number: 'A-1',
      expiresOn: '2028-06-30',
      verification: { method: 'primary-source', verifiedOn: '2026-03-15' },
      version: 4,
    };
    expect(auditDiff(before, after, { ignore: ['version'] })).toEqual({
      changedKeys: ['expiresOn', 'verification'],
      before: { expiresOn: '2026-06-30', verification: null },
      after: {
        expiresOn: '2028-06-30',
        verification: { method: 'primary-source', verifiedOn: '2026-03-15' },
      },
    });
  });

  it('R16 compares nested values structurally', () => {
    const before = { categories: ['hiim-domain'], meta: { a: 1 } };
    expect(auditDiff(before, { categories: ['hiim-domain'], meta: { a: 1 } }).changedKeys).toEqual(
      [],
    );
    expect(auditDiff(before, { categories: ['hiim-domain', 'x'], meta: { a: 1 } })).toEqual({
      changedKeys: ['categories'],
      before: { categories: ['hiim-domain'] },
      after: { categories: ['hiim-domain', 'x'] },
    });
    expect(deepEqual(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00.000Z'))).toBe(
      true,
    );
    expect(deepEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });

  it('R16 a key present on one side only is a change', () => {
    expect(auditDiff({ a: 1 }, { a: 1, note: 'x' })).toEqual({
      changedKeys: ['note'],
      before: { note: undefined },
      after: { note: 'x' },
    });
  });

  it('R16 a creation or a deletion reports every key of the other side', () => {
    expect(auditDiff(null, { a: 1, b: 2 })).toEqual({
      changedKeys: ['a', 'b'],
      before: null,
      after: { a: 1, b: 2 },
    });
    expect(auditDiff({ a: 1 }, undefined)).toEqual({
      changedKeys: ['a'],
      before: { a: 1 },
      after: null,
    });
  });
});
