const preset = require('../../jest.preset');

module.exports = preset(__dirname, {
  coverageThreshold: { global: { statements: 90, branches: 85, functions: 90, lines: 90 } },
  // The MongoDB adapters only run where a replica set is reachable (testcontainers or MONGODB_URI);
  // no server runs on the CI machines here, so their lines would count as uncovered. Their logic
  // lives in store/ and is covered through the other adapters.
  coveragePathIgnorePatterns: ['/node_modules/', '/src/adapters/mongodb/'],
});
