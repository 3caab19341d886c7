import type { Deadline, DeadlinesResponse } from '@him/contracts';
import { deadlineInWords, MAX_SERIES, monthBuckets, stackSeries } from './deadlines-view';

function deadline(date: string, overrides: Partial<Deadline> = {}): Deadline {
  return {
    kind: 'credential-expiry',
    date,
    staffId: 's1',
    staffName: 'Sam',
    teamId: 'coding',
    issuingBody: 'AHIMA',
    credentials: 'RHIA',
    hoursMissing: null,
    verified: true,
    ...overrides,
  };
}

const response: DeadlinesResponse = {
  asOf: '2026-12-02',
  until: '2027-12-02',
  deadlines: [
    deadline('2026-12-31'),
    deadline('2026-12-31', { kind: 'ce-cycle-end', hoursMissing: 3.5, verified: null }),
    deadline('2027-03-01', { teamId: 'roi', issuingBody: 'AAPC', credentials: 'CPC' }),
    deadline('2027-12-02', {
      teamId: 'roi',
      kind: 'ce-cycle-end',
      hoursMissing: 10,
      verified: null,
    }),
  ],
};

describe('deadlines view', () => {
  const buckets = monthBuckets(response);

  it('makes one bucket per calendar month from the first day through the last, empty ones too', () => {
    expect(buckets.map((b) => b.month)).toHaveLength(13);
    expect(buckets[0]).toMatchObject({
      month: '2026-12',
      label: 'Dec 2026',
      longLabel: 'December 2026',
      expiries: 1,
      ceCycleEnds: 1,
      hoursMissing: 3.5,
    });
    expect(buckets[1].deadlines).toEqual([]);
    expect(buckets[12]).toMatchObject({ month: '2027-12', ceCycleEnds: 1, hoursMissing: 10 });
  });

  it('stacks by team or by issuing body, the largest series first', () => {
    const names = new Map([
      ['coding', 'Coding'],
      ['roi', 'Release of information'],
    ]);
    const byTeam = stackSeries(buckets, 'team', names);
    expect(byTeam.map((s) => [s.name, s.counts[0], s.counts[3], s.counts[12]])).toEqual([
      ['Coding', 2, 0, 0],
      ['Release of information', 0, 1, 1],
    ]);
    const byBody = stackSeries(buckets, 'body', names);
    expect(byBody.map((s) => s.name)).toEqual(['AHIMA', 'AAPC']);
  });

  it('adds up the series beyond the seventh as one', () => {
    const many: DeadlinesResponse = {
      ...response,
      deadlines: Array.from({ length: 10 }, (_, i) => deadline('2027-01-10', { teamId: `t${i}` })),
    };
    const names = new Map(Array.from({ length: 10 }, (_, i) => [`t${i}`, `Team ${i}`]));
    const series = stackSeries(monthBuckets(many), 'team', names);
    expect(series).toHaveLength(MAX_SERIES);
    expect(series[MAX_SERIES - 1]).toMatchObject({ name: 'Other teams' });
    expect(series.reduce((sum, s) => sum + s.counts[1], 0)).toBe(10);
  });

  it('says what falls due in words', () => {
    expect(deadlineInWords(deadline('2027-01-01', { verified: false }))).toBe(
      'RHIA expires (not verified)',
    );
    expect(deadlineInWords(response.deadlines[1])).toBe(
      'AHIMA CE cycle ends (RHIA): 3.5 hours still missing',
    );
  });
});
