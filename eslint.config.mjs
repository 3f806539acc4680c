import nx from '@nx/eslint-plugin';

const domainBannedImports = [
  '@nestjs/*', 'mongoose', 'mongodb', 'rxjs', 'rxjs/*', 'socket.io', 'socket.io-client', '@socket.io/*',
  'bullmq', 'ioredis', 'better-sqlite3', 'fs', 'node:*', 'http', 'https', 'net', 'crypto', 'child_process', 'uuid', 'ulid',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/jest.config.js', '**/node_modules', '**/dist', '**/coverage', '.nx', 'tmp', 'bench/results'] },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'], bannedExternalImports: domainBannedImports },
            { sourceTag: 'type:events', onlyDependOnLibsWithTags: ['type:events', 'type:util'], bannedExternalImports: ['@nestjs/*', 'socket.io', 'bullmq'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:events', 'type:domain', 'type:util'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:domain', 'type:util'], bannedExternalImports: ['@nestjs/*', 'mongoose', 'better-sqlite3', 'bullmq', 'ioredis'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:events', 'type:data-access', 'type:feature', 'type:util'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain is pure: no clock, no randomness (time and ids arrive in commands).
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['libs/domain/src/**/*.spec.ts', 'libs/domain/src/testing/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The domain has no clock: time arrives in the command.' },
        { object: 'Math', property: 'random', message: 'The domain has no randomness: ids arrive in the command.' },
        { object: 'crypto', property: 'randomUUID', message: 'The domain has no randomness: ids arrive in the command.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'worker_threads'], message: 'The domain does no I/O: keep Node built-ins out of libs/domain.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain has no clock: time arrives in the command.' },
      ],
    },
  },
];
