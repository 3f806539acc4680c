#!/usr/bin/env node
// The `bandpro` command: runs the TypeScript sources directly through the workspace's ts-node setup.
'use strict';
const path = require('node:path');

require(path.resolve(__dirname, '..', '..', '..', 'scripts', 'ts-register.js'));
require(path.resolve(__dirname, '..', 'src', 'main.ts'));
