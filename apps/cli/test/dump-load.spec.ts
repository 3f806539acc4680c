import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bandpro as bandproProcess, withTempDir } from './support/bandpro';
import { bandproIn, lines } from './support/in-process';
import { IDS, storeWithBlues, uuid } from './support/score-store';

/** What a reload cannot keep: the store assigns event ids, positions and recordedAt on every append. */
function withoutStoreAssigned(line: string): unknown {
  const { eventId: _id, position: _position, metadata, ...rest } = JSON.parse(line);
  const { recordedAt: _at, ...kept } = metadata;
  return { ...rest, metadata: kept };
}

describe('bandpro dump and load (real SQLite)', () => {
  let tmp: Awaited<ReturnType<typeof withTempDir>>;
  let source: string;
  let dump: string[];
  beforeAll(async () => {
    tmp = await withTempDir();
    source = join(tmp.dir, 'source');
    // Another score first, so the blues' global positions differ from those of a fresh store.
    await storeWithBlues(source, [uuid(100)]);
    dump = lines((await bandproIn(source, ['dump', IDS.scoreId])).stdout);
  });
  afterAll(() => tmp.remove());
  const at = (name: string) => join(tmp.dir, name);

  it('should dump every event of the stream, in version order, with every envelope field', () => {
    const events = dump.map((line) => JSON.parse(line));

    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.every((e) => e.streamId === IDS.scoreId && typeof e.eventId === 'string' && e.schemaVersion === 1)).toBe(true);
    expect(events[3].metadata).toEqual({ commandId: `cmd-${IDS.scoreId}-4`, correlationId: `cmd-${IDS.scoreId}-4`, causationId: `cmd-${IDS.scoreId}-4`, actor: { id: 'bob', kind: 'user' }, recordedAt: expect.any(String) });
  });

  it('should load a dump into a fresh store so that a second dump differs only in event ids, positions and recordedAt', async () => {
    await writeFile(at('blues.ndjson'), `${dump.join('\n')}\n`);
    const target = at('fresh');

    const load = await bandproIn(target, ['load', at('blues.ndjson')]);
    const again = lines((await bandproIn(target, ['dump', IDS.scoreId])).stdout);

    expect(load).toEqual({ code: 0, stderr: '', stdout: `Loaded 6 events of ${IDS.scoreId} (6 commands) into ${join(target, 'bandpro.sqlite')}\n` });
    expect(again.map(withoutStoreAssigned)).toEqual(dump.map(withoutStoreAssigned));
    expect(again.map((line) => JSON.parse(line).position)).not.toEqual(dump.map((line) => JSON.parse(line).position));
  });

  it('should refuse to load into a stream that already has events, writing nothing', async () => {
    await writeFile(at('again.ndjson'), dump.join('\n'));

    const run = await bandproIn(source, ['load', at('again.ndjson')]);

    expect(run).toEqual({ code: 1, stdout: '', stderr: `bandpro: STREAM_EXISTS: Stream ${IDS.scoreId} already has events in ${join(source, 'bandpro.sqlite')}; nothing was written\n` });
    expect(lines((await bandproIn(source, ['dump', IDS.scoreId])).stdout)).toEqual(dump);
  });

  const edited = (edit: (events: Record<string, unknown>[]) => unknown[]) => edit(dump.map((line) => JSON.parse(line))).map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('\n');

  it.each([
    ['a line that is not JSON', () => `${dump[0]}\n{"version": 2,\n`, 'Line 2: not JSON'],
    ['a missing version', () => edited((events) => events.filter((e) => e['version'] !== 3)), 'Line 3: version 4 where 3 was expected'],
    ['a second stream', () => edited((events) => events.map((e, i) => (i === 4 ? { ...e, streamId: 'other' } : e))), `Line 5: stream other is not ${IDS.scoreId}: a dump holds one score`],
    ['an event without data', () => edited((events) => events.map(({ data: _data, ...e }, i) => (i === 1 ? e : { data: _data, ...e }))), 'Line 2: data is missing'],
    ['an unknown actor kind', () => edited((events) => events.map((e, i) => (i === 0 ? { ...e, metadata: { ...(e['metadata'] as object), actor: { id: 'x', kind: 'robot' } } } : e))), 'Line 1: metadata.actor.kind must be one of user, api-key, system'],
    ['a command split around another', () => edited((events) => events.map((e, i) => (i === 2 ? { ...e, metadata: { ...(e['metadata'] as object), commandId: `cmd-${IDS.scoreId}-1` } } : e))), `Line 3: command cmd-${IDS.scoreId}-1 appears again after other commands`],
    ['an event the domain cannot replay', () => edited((events) => events.slice(1).map((e, i) => ({ ...e, version: i + 1 }))), 'Line 1: NoteWritten cannot be replayed'],
    ['an empty file', () => '\n\n', 'The file holds no events'],
  ])('should refuse %s with DUMP_INVALID before writing anything', async (_case, content, reason) => {
    const target = at(`refused-${_case.replace(/\W+/g, '-')}`);
    await writeFile(`${target}.ndjson`, content());

    const run = await bandproIn(target, ['load', `${target}.ndjson`]);

    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain(`bandpro: DUMP_INVALID: ${reason}`);
    expect(existsSync(target)).toBe(false);
  });

  it('should say when the file to load does not exist or is a folder', async () => {
    const [missing, folder] = [await bandproIn(at('x'), ['load', at('nope.ndjson')]), await bandproIn(at('x'), ['load', tmp.dir])];

    expect(missing).toEqual({ code: 1, stdout: '', stderr: `bandpro: INPUT_NOT_FOUND: No such file: ${at('nope.ndjson')}\n` });
    expect(folder).toEqual({ code: 1, stdout: '', stderr: `bandpro: INPUT_NOT_READABLE: ${tmp.dir} is not a file\n` });
  });

  it('should dump and load through the real command in child processes', async () => {
    const dumped = await bandproProcess(['dump', IDS.scoreId], tmp.dir, { DATA_DIR: source });
    await writeFile(at('child.ndjson'), dumped.stdout);
    const loaded = await bandproProcess(['load', 'child.ndjson'], tmp.dir, { DATA_DIR: 'child-store' });

    expect(dumped).toMatchObject({ code: 0, stderr: '' });
    expect(lines(dumped.stdout)).toEqual(dump);
    expect(loaded).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Loaded 6 events of /) });
    expect(existsSync(at('child-store/bandpro.sqlite'))).toBe(true);
  });
});
