const preset = require('../../jest.preset');

module.exports = preset(__dirname, {
  coverageThreshold: { global: { statements: 90, branches: 85, functions: 90, lines: 90 } },
  // main.ts only wires process.argv and the exit code; the child-process tests run it.
  collectCoverageFrom: ['<rootDir>/src/**/*.ts', '!<rootDir>/src/**/*.spec.ts', '!<rootDir>/src/main.ts'],
  // Each test spawns the real CLI (ts-node start-up is seconds on a loaded machine).
  testTimeout: 60_000,
  // project.json runs this suite --runInBand: Verovio's WASM never settles inside a jest-worker child with
  // coverage on (seen on 2 cores: every in-process engraving test hung for 60 s); in band it takes ~20 s.
});
