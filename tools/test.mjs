#!/usr/bin/env node
// The whole test suite, as the README's second command runs it: unit tests of every
// project, then the API's integration tests against a real PostgreSQL (DATABASE_URL, or
// an embedded one the test setup starts), then the browser tests when they exist.
// Prints one closing line "N passed, N failed" and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

process.env.TZ = 'UTC';
process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';
const out = 'test-output/results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const jestBin = join('node_modules', 'jest', 'bin', 'jest.js');
const suites = [
  { name: 'unit', args: ['-c', 'jest.config.ts'] },
  { name: 'integration', args: ['-c', 'apps/api/jest.integration.config.cts'] },
];
if (existsSync('apps/dashboard-e2e/jest.config.cts')) {
  suites.push({
    name: 'browser',
    args: ['-c', 'apps/dashboard-e2e/jest.config.cts', '--runInBand'],
  });
}
// The security tests alone (they run with the integration tests too): rerun them in about a minute.
suites.push({
  name: 'hostile',
  args: [
    '-c',
    'apps/api/jest.integration.config.cts',
    'apps/api/test/(hostile|permissions|security-holes)\\.int-spec\\.ts',
  ],
  onlyWhenNamed: true,
});
const only = process.argv.slice(2);
const wanted = (name) => !only.length || only.includes(name);

let passed = 0;
let failed = 0;
let broken = false;
for (const suite of suites) {
  if (!wanted(suite.name) || (suite.onlyWhenNamed && !only.includes(suite.name))) continue;
  const resultFile = join(out, `${suite.name}.json`);
  console.log(`\n=== ${suite.name} tests ===`);
  const run = spawnSync(
    process.execPath,
    [jestBin, ...suite.args, '--json', `--outputFile=${resultFile}`],
    {
      stdio: 'inherit',
      env: process.env,
    },
  );
  if (!existsSync(resultFile)) {
    console.error(`${suite.name}: jest wrote no results (exit ${run.status})`);
    broken = true;
    continue;
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  if (result.numRuntimeErrorTestSuites > 0 || run.status !== 0) broken = true;
  console.log(`${suite.name}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`);
}

// The README's first command on the production build: start, sign in, stop, restart, crash.
if (wanted('server')) {
  console.log('\n=== server tests (production build) ===');
  const build = spawnSync(
    'npx',
    [
      'nx',
      'run-many',
      '-t',
      'build',
      '-p',
      'api',
      'dashboard',
      '--configuration=production',
      '--output-style=static',
    ],
    {
      stdio: 'inherit',
      env: process.env,
    },
  );
  if (build.status !== 0) {
    console.error('server: the production build failed');
    failed += 1;
  } else {
    const smoke = spawnSync(process.execPath, ['tools/smoke.mjs'], {
      encoding: 'utf8',
      env: process.env,
    });
    process.stdout.write(smoke.stdout);
    process.stderr.write(smoke.stderr);
    const summary = /smoke: (\d+) passed, (\d+) failed/.exec(smoke.stdout);
    passed += summary ? Number(summary[1]) : 0;
    failed += summary ? Number(summary[2]) : 1;
    if (smoke.status !== 0) broken = true;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
