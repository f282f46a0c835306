/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^@sahayog/(core|gateway|testing)$': '<rootDir>/packages/$1/src' },
  modulePathIgnorePatterns: ['<rootDir>/packages/.*/dist/'],
  globalSetup: '<rootDir>/packages/testing/jest/global-setup.ts',
  globalTeardown: '<rootDir>/packages/testing/jest/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60_000,
};
