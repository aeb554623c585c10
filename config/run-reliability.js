'use strict';
// npm run test:reliability: generated bad input, permissions, conflicts and faults. Prints what
// each area tried (inputs, faults injected, failures found), then "N passed, N failed".
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runJest } = require('./jest-run');

const root = path.resolve(__dirname, '..');
const countsFile = path.join(os.tmpdir(), `programme-highlights-reliability-${process.pid}.jsonl`);
const resultFile = path.join(os.tmpdir(), `programme-highlights-reliability-${process.pid}.json`);
fs.rmSync(countsFile, { force: true });
async function main() {
  const run = await runJest(
    [require.resolve('jest/bin/jest'), '--config', path.join(__dirname, 'jest.reliability.config.js'), '--json', '--outputFile', resultFile, ...process.argv.slice(2)],
    { cwd: root, env: { ...process.env, RELIABILITY_COUNTS: countsFile }, resultFile }
  );

  const areas = new Map();
  if (fs.existsSync(countsFile)) {
    for (const line of fs.readFileSync(countsFile, 'utf8').split('\n').filter(Boolean)) {
      const c = JSON.parse(line);
      const a = areas.get(c.area) || { inputs: 0, faults: 0, failures: 0 };
      a.inputs += c.inputs || 0;
      a.faults += c.faults || 0;
      a.failures += c.failures || 0;
      areas.set(c.area, a);
    }
    fs.rmSync(countsFile, { force: true });
  }
  let passed = 0;
  let failed = 0;
  try {
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    passed = result.numPassedTests;
    failed = result.numFailedTests + (result.numFailedTestSuites && !result.numFailedTests ? 1 : 0);
    fs.rmSync(resultFile, { force: true });
  } catch (e) {
    failed = failed || 1;
  }
  if (run.lingered && failed === 0) {
    failed = 1;
  }
  const pad = (s, n) => String(s).padEnd(n);
  const total = { inputs: 0, faults: 0, failures: 0 };
  console.log(`\n${pad('Reliability area', 48)}${pad('inputs tried', 14)}${pad('faults injected', 17)}failures`);
  for (const [area, c] of Array.from(areas.entries()).sort()) {
    console.log(`${pad(area, 48)}${pad(c.inputs.toLocaleString('en-GB'), 14)}${pad(c.faults.toLocaleString('en-GB'), 17)}${c.failures}`);
    total.inputs += c.inputs;
    total.faults += c.faults;
    total.failures += c.failures;
  }
  console.log(`${pad('Total', 48)}${pad(total.inputs.toLocaleString('en-GB'), 14)}${pad(total.faults.toLocaleString('en-GB'), 17)}${total.failures + failed}`);
  if (passed + failed === 0) {
    failed = 1;
    console.log('No reliability tests ran.');
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(run.status === 0 && failed === 0 ? 0 : 1);
}

main();
