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
    expect(parseConvertArgs(['--concert-pitch', 'in.MXL', '--part', 'Alto Sax', 'out.musicxml'])).toEqual({ input: 'in.MXL', output: 'out.musicxml', outputKind: 'musicxml', part: 'Alto Sax', concertPitch: true, pageSize: 'A4', page: undefined });
    expect(parseConvertArgs(['in.xml', 'out.mid'])).toEqual({ input: 'in.xml', output: 'out.mid', outputKind: 'midi', part: undefined, concertPitch: false, pageSize: 'A4', page: undefined });
    expect(parseConvertArgs(['in.musicxml', 'out.mxl']).outputKind).toBe('mxl');
  });

  it('should read the engraved outputs with their page size (A4 by default, any case) and the SVG page', () => {
    expect(parseConvertArgs(['in.xml', 'out.pdf', '--page-size', 'letter'])).toMatchObject({ outputKind: 'pdf', pageSize: 'Letter', page: undefined });
    expect(parseConvertArgs(['in.xml', 'out.SVG', '--page', '3'])).toMatchObject({ outputKind: 'svg', pageSize: 'A4', page: 3 });
    expect(parseConvertArgs(['in.xml', 'band.zip', '--page-size', 'A4', '--concert-pitch'])).toMatchObject({ outputKind: 'zip', pageSize: 'A4', concertPitch: true });
  });

  it.each([
    [['in.xml', 'out.mid', 'extra.mid'], 'USAGE', 'Unexpected argument "extra.mid"'],
    [['in.xml', 'out.mid', '--part', '  '], 'USAGE', '--part needs a part name or id'],
    [['in.xml', 'out.mid', '--part'], 'USAGE', "Option '--part <value>' argument missing"],
    [['in.xml', 'out.mid', '--concert-pitch=yes'], 'USAGE', "Option '--concert-pitch' does not take an argument"],
    [['in.xml', 'out.pdf', '--page-size', 'A3'], 'USAGE', '--page-size must be A4 or Letter, not "A3"'],
    [['in.xml', 'out.mid', '--page-size', 'A4'], 'USAGE', '--page-size is for .pdf, .svg and .zip outputs'],
    [['in.xml', 'out.pdf', '--page', '2'], 'USAGE', '--page is for .svg outputs'],
    [['in.xml', 'out.svg', '--page', '0'], 'USAGE', '--page must be a page number from 1, not "0"'],
    [['in.xml', 'out.svg', '--page', '1.5'], 'USAGE', '--page must be a page number from 1, not "1.5"'],
    [['in.xml', 'parts.zip', '--part', 'Flute'], 'USAGE', 'A .zip holds every part'],
    [['in.xml', 'noextension'], 'UNKNOWN_OUTPUT_EXTENSION', 'the output must be'],
  ])('should refuse %j as a usage error %s', (args, code, message) => {
    const error = usageErrorOf(args);

    expect(error).toMatchObject({ code, exitCode: 2 });
    expect(error.message).toContain(message);
    expect(error.usage).toMatch(/^Usage: bandpro convert /);
  });
});
