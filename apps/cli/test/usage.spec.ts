import { bandpro, corpus, withTempDir } from './support/bandpro';

const CONVERT_USAGE = 'Usage: bandpro convert <in.(musicxml|xml|mxl)> <out.(musicxml|mxl|mid|pdf|svg|zip)> [--part <name>] [--concert-pitch]';

describe('bandpro usage (the real command, in a child process)', () => {
  let tmp: Awaited<ReturnType<typeof withTempDir>>;
  beforeAll(async () => (tmp = await withTempDir()));
  afterAll(() => tmp.remove());

  it('should print the commands for --help and exit 0', async () => {
    const run = await bandpro(['--help'], tmp.dir);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: bandpro <command> \[options\]\n\nCommands:\n {2}convert +Convert a MusicXML file/);
  });

  it.each([
    ['an unknown option', ['convert', 'in.xml', 'out.mid', '--transpose', '2'], "Unknown option '--transpose'"],
    ['a page size no printer knows', ['convert', corpus('HelloWorld.xml'), 'out.pdf', '--page-size', 'A3'], '--page-size must be A4 or Letter, not "A3"'],
  ])('should answer %s with exit 2, the reason and the usage line, writing nothing', async (_case, args, reason) => {
    const run = await bandpro(args, tmp.dir);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(reason);
    expect(run.stderr).toContain(`\n${CONVERT_USAGE}\n`);
    expect(await tmp.files()).toEqual([]);
  });
});
