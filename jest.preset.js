// Shared Jest settings: ts-jest on CommonJS, workspace libs resolved from source.
const path = require('path');

module.exports = (projectDir, overrides = {}) => ({
  rootDir: projectDir,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(projectDir, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@bandpro/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@bandpro/domain/testing$': path.join(__dirname, 'libs/domain/src/testing/index.ts'),
    '^@bandpro/events$': path.join(__dirname, 'libs/events/src/index.ts'),
    '^@bandpro/read-models$': path.join(__dirname, 'libs/read-models/src/index.ts'),
    '^@bandpro/formats$': path.join(__dirname, 'libs/formats/src/index.ts'),
    '^@bandpro/history$': path.join(__dirname, 'libs/history/src/index.ts'),
    '^@bandpro/exports$': path.join(__dirname, 'libs/exports/src/index.ts'),
    '^@bandpro/audit$': path.join(__dirname, 'libs/audit/src/index.ts'),
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  collectCoverageFrom: ['<rootDir>/src/**/*.ts', '!<rootDir>/src/**/*.spec.ts', '!<rootDir>/src/**/testing/**', '!<rootDir>/src/index.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  coverageDirectory: path.join(__dirname, 'coverage', path.relative(__dirname, projectDir)),
  ...overrides,
});
