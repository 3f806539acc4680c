import { bandproIn } from './support/in-process';

describe('usage errors of the replay debugging commands (in process)', () => {
  it.each([
    [['events'], 'Missing <scoreId>', 'events'],
    [['events', 's', 'extra'], 'Unexpected argument "extra"', 'events'],
    [['events', ' '], '<scoreId> must not be empty', 'events'],
    [['events', 's', '--from', '0'], '--from must be a version number from 1, not "0"', 'events'],
    [['events', 's', '--to', 'last'], '--to must be a version number from 1, not "last"', 'events'],
    [['events', 's', '--from', '5', '--to', '2'], '--from 5 is after --to 2', 'events'],
    [['events', 's', '--type', 'NoteWritten,'], '--type needs event type names separated by commas', 'events'],
    [['events', 's', '--type', 'NoteAdded'], '--type: "NoteAdded" is not a score event type', 'events'],
    [['events', 's', '--json=yes'], "Option '--json' does not take an argument", 'events'],
    [['replay', 's'], 'replay needs --to <version>', 'replay'],
    [['replay', 's', '--to', '2.5'], '--to must be a version number from 1, not "2.5"', 'replay'],
    [['replay', '--to', '2'], 'Missing <scoreId>', 'replay'],
    [['trace', 's'], 'trace needs --element <id>', 'trace'],
    [['trace', 's', '--element', '  '], 'trace needs --element <id>', 'trace'],
    [['trace', 's', '--elements', 'x'], "Unknown option '--elements'", 'trace'],
    [['dump'], 'Missing <scoreId>', 'dump'],
    [['dump', 's', '--json'], "Unknown option '--json'", 'dump'],
    [['load'], 'Missing <file.ndjson>', 'load'],
    [['load', 'a.ndjson', 'b.ndjson'], 'Unexpected argument "b.ndjson"', 'load'],
    [['bisect', 's'], 'bisect needs --predicate <file.js>', 'bisect'],
    [['projections'], 'projections needs status, rebuild <name> or verify', 'projections'],
    [['projections', 'repair'], 'Unknown projections action "repair"', 'projections'],
    [['projections', 'rebuild'], 'rebuild needs the name of a projection', 'projections'],
    [['projections', 'verify', 'now'], 'Unexpected argument "now"', 'projections'],
    [['projections', 'rebuild', 'a', 'b'], 'Unexpected argument "b"', 'projections'],
  ])('should refuse %j with exit 2, the reason and the usage, before opening any store', async (args, reason, command) => {
    const run = await bandproIn('/nonexistent/data', args);

    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain(`bandpro: ${reason}`);
    expect(run.stderr).toContain(`\nUsage: bandpro ${command} `);
  });

  it('should list every command in the help', async () => {
    const run = await bandproIn('/nonexistent/data', ['--help']);

    expect(run.stdout.match(/^ {2}\w+/gm)?.map((name) => name.trim())).toEqual(['convert', 'events', 'replay', 'trace', 'dump', 'load', 'bisect', 'projections', 'diff']);
  });
});
