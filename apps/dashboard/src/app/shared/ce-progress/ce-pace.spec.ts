import type { CeActivity, CeGroup } from '@him/contracts';
import { cePaceSeries, longDate } from './ce-pace';

const group: CeGroup = {
  staffId: 's1',
  issuingBody: 'AHIMA',
  credentialIds: ['c1'],
  credentialTypeCodes: ['CCS'],
  cycleStart: '2025-01-01',
  cycleEnd: '2027-01-01',
  required: 30,
  earned: 12.5,
  pending: 2,
  remaining: 17.5,
  pace: 18,
  status: 'behind',
  minimums: [],
  countedActivityIds: ['a1', 'a2', 'a3'],
};

const activity = (id: string, completedOn: string, hours: number): CeActivity => ({
  id,
  staffId: 's1',
  createdByUserId: null,
  title: id,
  provider: 'AHIMA',
  completedOn,
  hours,
  categories: [],
  credentialIds: ['c1'],
  status: 'approved',
  reviewNote: null,
  reviewedByUserId: null,
  reviewedAt: null,
  hasEvidence: false,
  version: 1,
});

describe("a CE group's pace chart", () => {
  it('adds up the counted hours by completion date, ending at the earned hours today', () => {
    const series = cePaceSeries(
      group,
      [
        activity('a2', '2026-03-01', 5),
        activity('a1', '2025-06-01', 4),
        activity('pending', '2025-07-01', 2),
        activity('a3', '2026-09-01', 3.5),
      ],
      '2026-12-03',
    );
    expect(series.cycleDays).toBe(730);
    expect(series.earned).toEqual([
      { x: 0, y: 0 },
      { x: 151, y: 4 },
      { x: 424, y: 9 },
      { x: 608, y: 12.5 },
      { x: 701, y: 12.5 },
    ]);
    expect(series.pace).toEqual([
      { x: 0, y: 0 },
      { x: 730, y: 30 },
    ]);
    expect(series.requirement).toEqual([
      { x: 0, y: 30 },
      { x: 730, y: 30 },
    ]);
    expect(series.sentence).toBe('12.5 of 30 hours by 3 December 2026; pace expects 18');
  });

  it('never draws more than the hours the rules count', () => {
    const series = cePaceSeries(group, [activity('a1', '2025-06-01', 40)], '2026-12-03');
    expect(series.earned.map((point) => point.y)).toEqual([0, 12.5, 12.5]);
  });

  it('writes dates in full', () => {
    expect(longDate('2026-12-03')).toBe('3 December 2026');
  });
});
