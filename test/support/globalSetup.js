'use strict';
// Builds the command-line tools and pages once before the tests that run them (npm run report,
// npm start, the browser tests),
// so that test files running in parallel never write dist/node at the same time.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'config/build.mjs'), 'node', 'web'], { cwd: root, stdio: 'inherit' });
};
