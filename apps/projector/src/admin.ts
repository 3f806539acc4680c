import { runAdmin } from './admin/run-admin';

/**
 * `node -r ./scripts/ts-register.js apps/projector/src/admin.ts status|rebuild <name>|verify [--json]`:
 * the projector's maintenance actions as a process, which `bandpro projections` spawns (apps may not
 * import one another).
 */
void runAdmin(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
