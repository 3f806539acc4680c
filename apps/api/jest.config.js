const preset = require('../../jest.preset');

module.exports = preset(__dirname);
