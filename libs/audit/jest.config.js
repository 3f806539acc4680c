const preset = require('../../jest.preset');

module.exports = preset(__dirname, {
  // The MongoDB adapter only runs against a server (MONGODB_URI); none runs on the dev machines or in CI,
  // so it is type-checked and linted but cannot count towards coverage here. Its rules live in src/shared.
  coveragePathIgnorePatterns: ['/node_modules/', '/src/adapters/mongodb/'],
  coverageThreshold: { global: { statements: 90, branches: 85, functions: 90, lines: 90 } },
});
