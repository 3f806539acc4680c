import { runCli } from '../../src/cli/run-cli';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI in this process (for coverage), against the store under `dataDir`, as `DATA_DIR=… bandpro …`. */
export async function bandproIn(dataDir: string, args: readonly string[]): Promise<InProcessRun> {
  const out = { stdout: '', stderr: '' };
  const saved = { DATA_DIR: process.env['DATA_DIR'], MONGODB_URI: process.env['MONGODB_URI'] };
  process.env['DATA_DIR'] = dataDir;
  delete process.env['MONGODB_URI'];
  try {
    const code = await runCli(args, { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) });
    return { code, ...out };
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
