import { memberBatches } from './compliance-report.service';

describe('memberBatches (the streamed report loads its members in these)', () => {
  const members = Array.from({ length: 1234 }, (_, i) => i);

  it('a small first batch, so the first rows leave at once, then full ones, in order', () => {
    const batches = memberBatches(members, 100, 500);
    expect(batches.map((batch) => batch.length)).toEqual([100, 500, 500, 134]);
    expect(batches.flat()).toEqual(members);
  });

  it('nobody: no batch; fewer than the first batch: one', () => {
    expect(memberBatches([], 100, 500)).toEqual([]);
    expect(memberBatches([1, 2, 3], 100, 500)).toEqual([[1, 2, 3]]);
  });
});
