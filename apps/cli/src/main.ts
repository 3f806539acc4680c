import type { CliIo } from './cli/command';
import { runCli } from './cli/run-cli';

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

// exitCode rather than process.exit(): piped stdout/stderr are flushed before the process ends.
void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
