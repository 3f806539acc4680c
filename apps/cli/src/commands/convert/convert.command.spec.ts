import { UsageError } from '../../cli/cli-error';
import { parseConvertArgs } from './convert.command';

function usageErrorOf(args: string[]): UsageError {
  try {
    parseConvertArgs(args);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

describe('parseConvertArgs', () => {
  it('should read the files, the part and the concert-pitch flag, in any order', () => {
    expect(parseConvertArgs(['--concert-pitch', 'in.MXL', '--part', 'Alto Sax', 'out.musicxml'])).toEqual({ input: 'in.MXL', output: 'out.musicxml', outputKind: 'musicxml', part: 'Alto Sax', concertPitch: true });
    expect(parseConvertArgs(['in.xml', 'out.mid'])).toEqual({ input: 'in.xml', output: 'out.mid', outputKind: 'midi', part: undefined, concertPitch: false });
    expect(parseConvertArgs(['in.musicxml', 'out.mxl']).outputKind).toBe('mxl');
  });

  it.each([
    [['in.xml', 'out.mid', 'extra.mid'], 'USAGE', 'Unexpected argument "extra.mid"'],
    [['in.xml', 'out.mid', '--part', '  '], 'USAGE', '--part needs a part name or id'],
    [['in.xml', 'out.mid', '--part'], 'USAGE', "Option '--part <value>' argument missing"],
    [['in.xml', 'out.mid', '--concert-pitch=yes'], 'USAGE', "Option '--concert-pitch' does not take an argument"],
    [['in.xml', 'out.svg'], 'OUTPUT_NOT_SUPPORTED_YET', 'SVG output is not supported yet'],
    [['in.xml', 'parts.zip'], 'OUTPUT_NOT_SUPPORTED_YET', 'ZIP (parts) output is not supported yet'],
    [['in.xml', 'noextension'], 'UNKNOWN_OUTPUT_EXTENSION', 'the output must be'],
  ])('should refuse %j as a usage error %s', (args, code, message) => {
    const error = usageErrorOf(args);

    expect(error).toMatchObject({ code, exitCode: 2 });
    expect(error.message).toContain(message);
    expect(error.usage).toMatch(/^Usage: bandpro convert /);
  });
});
