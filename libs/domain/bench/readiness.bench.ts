/**
 * Benchmark of the bulk rules on a deterministic department of 10,000 members, ~30,000
 * credentials and ~100,000 assessments. Run from the repository root:
 *
 *   npx ts-node -P libs/domain/tsconfig.bench.json libs/domain/bench/readiness.bench.ts
 *
 * Exits with status 1 when the median CPU time of computeReadiness (asOf + 4 forecast points) or
 * of computeSurveyWindow (a three-year window) is over BENCH_BUDGET_MS (default 1000).
 */
import { performance } from 'node:perf_hooks';
import {
  addDays,
  afterLapseStates,
  computeCeStatus,
  computeReadiness,
  computeSkillsMatrix,
  computeSurveyWindow,
  expiringCredentials,
  reassessmentsDue,
} from '../src';
import { generateDepartment } from './generate-department';

const AS_OF = '2026-03-15';
const WARMUP = 3;
const RUNS = 10;
const budgetMs = Number(process.env['BENCH_BUDGET_MS'] ?? 1000);

interface Timing {
  wallMedian: number;
  cpuMedian: number;
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[samples.length >> 1];
const ms = (value: number) => value.toFixed(1).padStart(7);

/**
 * Wall-clock and CPU time (user + system of this process) per run. On a busy machine the wall
 * clock includes time spent waiting for a core; the CPU time does not.
 */
function time(label: string, run: () => unknown): Timing {
  for (let i = 0; i < WARMUP; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const timing = { wallMedian: median(wall), cpuMedian: median(cpu) };
  console.log(
    `${label.padEnd(44)} wall min ${ms(Math.min(...wall))} median ${ms(timing.wallMedian)} ms` +
      `   cpu median ${ms(timing.cpuMedian)} ms`,
  );
  return timing;
}

const generatedAt = performance.now();
const { facts, ce, skills } = generateDepartment(AS_OF);
console.log(
  `department: ${facts.staff.length} staff, ${facts.credentials.length} credentials, ` +
    `${facts.assessments.length} assessments, ${ce.activities.length} CE activities, ` +
    `${facts.teams.length} teams, ${facts.roles.length} roles ` +
    `(generated in ${(performance.now() - generatedAt).toFixed(0)} ms)`,
);

const sample = computeReadiness(facts, AS_OF);
console.log(
  `readiness on ${AS_OF}: ${sample.members.length} active, staffReadyPct ${sample.staffReadyPct?.toFixed(3)}, ` +
    `${sample.singlePointsOfFailure.length} single points of failure, ` +
    `forecast ${sample.forecast.map((p) => `+${p.days}: ${p.lapsed.length} lapsed`).join(', ')}`,
);

const readiness = time('computeReadiness (asOf + 30/60/90/180)', () =>
  computeReadiness(facts, AS_OF),
);
time('computeReadiness (asOf only, no forecast)', () =>
  computeReadiness(facts, AS_OF, { forecastDays: [] }),
);
time('computeReadiness, one team', () =>
  computeReadiness(facts, AS_OF, { teamId: facts.teams[0].id }),
);
time(`computeSkillsMatrix (${skills.length} skills)`, () =>
  computeSkillsMatrix(facts, AS_OF, skills),
);
time('expiringCredentials (90 days)', () => expiringCredentials(facts, AS_OF, 90));
time('reassessmentsDue (90 days)', () => reassessmentsDue(facts, AS_OF, 90));
time('afterLapseStates (all credentials)', () => afterLapseStates({ ...ce }, AS_OF));
time('computeCeStatus (all members)', () => computeCeStatus(ce, AS_OF));

// R17: a survey window of three years opening 30 days after asOf
const windowFrom = addDays(AS_OF, 30);
const windowTo = addDays(windowFrom, 3 * 365);
const window = computeSurveyWindow(facts, AS_OF, windowFrom, windowTo);
console.log(
  `survey window ${windowFrom}..${windowTo}: ${window.evaluatedDays} days evaluated of ` +
    `${3 * 365 + 1}, lowest staffReadyPct ${window.staffReadyPct.value?.toFixed(3)} on ` +
    `${window.staffReadyPct.firstOn}, ${window.teams.length} teams failing, ` +
    `${window.lapses.length} lapses`,
);
const surveyWindow = time('computeSurveyWindow (three years)', () =>
  computeSurveyWindow(facts, AS_OF, windowFrom, windowTo),
);

// CPU time, so that a busy machine does not fail the budget by making us wait for a core.
for (const [label, timing] of [
  ['computeReadiness', readiness],
  ['computeSurveyWindow', surveyWindow],
] as const) {
  if (timing.cpuMedian > budgetMs) {
    console.error(
      `${label} median CPU time ${timing.cpuMedian.toFixed(1)} ms is over ${budgetMs} ms`,
    );
    process.exitCode = 1;
  }
}
