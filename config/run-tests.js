'use strict';
// Runs the whole test suite with Jest and ends with one plain line CI can read:
// "N passed, N failed". Extra arguments go to Jest (npm test -- test/domain).
const fs = require('fs');
const path = require('path');
const os = require('os');
const { runJest } = require('./jest-run');

const root = path.resolve(__dirname, '..');
const resultFile = path.join(os.tmpdir(), `programme-highlights-jest-${process.pid}.json`);
const args = [
  require.resolve('jest/bin/jest'),
  '--config', path.join(__dirname, 'jest.config.js'),
  '--json', '--outputFile', resultFile,
  ...process.argv.slice(2)
];
if (process.argv.length <= 2) {
  args.push('--coverage');
}
async function main() {
  const run = await runJest(args, { cwd: root, env: process.env, resultFile });

  let passed = 0;
  let failed = 0;
  let suitesFailed = 0;
  try {
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    passed = result.numPassedTests;
    failed = result.numFailedTests;
    suitesFailed = result.numFailedTestSuites;
    fs.unlinkSync(resultFile);
  } catch (e) {
    failed = failed || 1;
    process.stderr.write(`Could not read Jest's results (${e.message}).\n`);
  }
  if (run.lingered && failed === 0) {
    failed = 1;
  }
  if (passed + failed === 0) {
    process.stderr.write('No tests ran.\n');
    failed = 1;
  }
  process.stdout.write(`${passed} passed, ${failed} failed${suitesFailed ? ` (${suitesFailed} test files failed)` : ''}\n`);
  process.exit(run.status === 0 && failed === 0 ? 0 : 1);
}

main();
