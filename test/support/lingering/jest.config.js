'use strict';
const path = require('path');

// A Jest project of its own for test/cli/jestRun.test.ts: plain JavaScript, nothing built first.
// Its root is the project's, so Jest finds its runner and environment as npm test's does.
module.exports = { rootDir: path.resolve(__dirname, '../../..'), roots: [__dirname], testMatch: ['**/*.fixture.js'], transform: {}, testEnvironment: 'node' };
