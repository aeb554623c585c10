'use strict';
const path = require('path');

/** Jest runs every test in test/ with ts-jest; PnPjs (ESM only) is transformed too. */
module.exports = {
  rootDir: path.resolve(__dirname, '..'),
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // The reliability suite (generated input, faults) runs on its own: npm run test:reliability.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reliability/'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/globalSetup.js',
  setupFilesAfterEnv: ['<rootDir>/test/support/testingLibrary.js', '<rootDir>/test/support/messageWords.ts'],
  transform: {
    '^.+\\.(ts|tsx|js|mjs)$': ['ts-jest', { tsconfig: '<rootDir>/config/tsconfig.test.json', diagnostics: { warnOnly: false } }]
  },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp)/)'],
  moduleNameMapper: {
    '\\.(css|scss)$': 'identity-obj-proxy',
    '^office-addin-manifest$': '<rootDir>/test/support/office-addin-manifest-stub.js'
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  collectCoverageFrom: ['src/domain/**/*.ts', 'src/report/**/*.ts', 'src/data/**/*.ts'],
  coverageThreshold: {
    './src/domain/': { lines: 90 }
  },
  coverageReporters: ['text-summary', 'json-summary'],
  // The dashboard's longest jsdom tests (a phase's close-down, drafted, edited and locked) take
  // 10–25 s on a quiet two-core machine; the limit leaves them room on a busy one. Browser suites
  // set their own.
  testTimeout: 60000
};
