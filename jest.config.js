/** The API, gateway and browser tests on a real PostgreSQL; the dashboard's components in jsdom. */
const api = {
  displayName: 'api',
  testEnvironment: 'node',
  roots: ['<rootDir>/packages'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^@sahayog/(core|gateway|testing)$': '<rootDir>/packages/$1/src' },
  modulePathIgnorePatterns: ['<rootDir>/packages/.*/dist/'],
  globalSetup: '<rootDir>/packages/testing/jest/global-setup.ts',
  globalTeardown: '<rootDir>/packages/testing/jest/global-teardown.ts',
};

/** Components as the browser runs them: the dashboard's own compiler settings, styles left to Vite. */
const dashboardComponents = {
  displayName: 'dashboard-components',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/packages/dashboard/src'],
  testMatch: ['**/__tests__/**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/packages/dashboard/tsconfig.test.json' }],
  },
  moduleNameMapper: { '\\.css$': '<rootDir>/packages/dashboard/test/jest/css.js' },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [api, dashboardComponents],
  maxWorkers: 2,
  testTimeout: 60_000,
};
