#!/usr/bin/env node
// `npm start`: the projector and the API as two child processes on the embedded SQLite default
// (or MongoDB/Redis when MONGODB_URI/REDIS_URL are set). Nothing is built: TypeScript runs
// through scripts/ts-register.js. Ctrl-C (or SIGTERM) is forwarded to both; when one exits, the
// other is stopped, and the exit code says whether anything failed.
'use strict';
const { fork } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const register = path.join(__dirname, 'ts-register.js');
const env = { NODE_ENV: 'development', DATA_DIR: path.join(root, 'data'), ...process.env };

const children = new Map();
let stopping = false;
let exitCode = 0;

function start(name, entry) {
  const child = fork(path.join(root, entry), [], { cwd: root, env, execArgv: ['-r', register], stdio: 'inherit' });
  children.set(name, child);
  child.on('message', (message) => {
    if (message && message.type === 'listening') {
      console.log(`\nBandPro is running: http://127.0.0.1:${message.port}/api/v1  (API docs: http://127.0.0.1:${message.port}/api/docs)\n`);
    }
  });
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? `code ${code}`}); stopping the rest`);
      exitCode = code || 1;
      stop('SIGTERM');
    }
    if (children.size === 0) process.exit(exitCode);
  });
}

function stop(signal) {
  stopping = true;
  for (const child of children.values()) child.kill(signal);
  // A child that ignores the signal must not keep the terminal hostage.
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, 10_000).unref();
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));

start('projector', 'apps/projector/src/main.ts');
start('api', 'apps/api/src/main.ts');
