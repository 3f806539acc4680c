const preset = require('../../jest.preset');

module.exports = preset(__dirname, {
  coverageThreshold: { global: { statements: 90, branches: 85, functions: 90, lines: 90 } },
});
