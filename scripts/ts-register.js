// Runs TypeScript sources directly (apps, CLIs, benchmarks, child processes in tests).
// transpile-only keeps start-up fast and still emits decorator metadata for NestJS.
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
process.env.TS_NODE_PROJECT = process.env.TS_NODE_PROJECT || require('path').join(__dirname, '..', 'tsconfig.base.json');
require('ts-node/register');
