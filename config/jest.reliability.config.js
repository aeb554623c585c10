'use strict';
// The reliability suite: generated bad input, permissions, conflicts and faults (npm run test:reliability).
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/reliability'],
  testPathIgnorePatterns: ['/node_modules/'],
  collectCoverageFrom: undefined,
  coverageThreshold: undefined,
  testTimeout: 180000
};
