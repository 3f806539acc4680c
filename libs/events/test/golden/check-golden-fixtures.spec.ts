import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkGoldenFixtures } from '../../src/upcasting/golden-fixtures';
import { UpcasterChain, type Upcaster } from '../../src/upcasting/upcaster-chain';
import { testEventUpcasters, TEST_EVENT_TYPES, validateTestEvent } from './test-event-upcasters';

const fixturesDir = join(__dirname, 'fixtures');

describe('checkGoldenFixtures on the test event types', () => {
  it('should find every golden fixture upcasting to a valid event of today\'s version', () => {
    const report = checkGoldenFixtures(fixturesDir, testEventUpcasters, validateTestEvent, { types: TEST_EVENT_TYPES });

    expect(report.problems).toEqual([]);
    expect(report.checked).toEqual([
      { file: 'ItemRenamed.v1.json', type: 'ItemRenamed', from: 1, to: 1 },
      { file: 'MemberJoined.v1.json', type: 'MemberJoined', from: 1, to: 3 },
      { file: 'MemberJoined.v2.json', type: 'MemberJoined', from: 2, to: 3 },
      { file: 'MemberJoined.v3.json', type: 'MemberJoined', from: 3, to: 3 },
      { file: 'TempoSet.v1.fractional.json', type: 'TempoSet', from: 1, to: 2 },
      { file: 'TempoSet.v1.json', type: 'TempoSet', from: 1, to: 2 },
      { file: 'TempoSet.v2.json', type: 'TempoSet', from: 2, to: 2 },
    ]);
  });

  it('should accept a chain as well as a list of upcasters', () => {
    const report = checkGoldenFixtures(fixturesDir, new UpcasterChain(testEventUpcasters), validateTestEvent);

    expect(report.problems).toEqual([]);
  });
});

describe('checkGoldenFixtures when fixtures and code disagree', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bandpro-golden-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (file: string, content: unknown) =>
    writeFileSync(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
  const fixture = (type: string, schemaVersion: number, data: unknown, today?: unknown) =>
    ({ stored: { type, schemaVersion, data }, ...(today === undefined ? {} : { today }) });
  const check = (upcasters: Upcaster[] = testEventUpcasters, types: readonly string[] = []) =>
    checkGoldenFixtures(dir, upcasters, validateTestEvent, { types }).problems;

  it('should report every schema version of a known type that has no golden file', () => {
    write('MemberJoined.v1.json', fixture('MemberJoined', 1, { name: 'Ada' }));

    expect(check(testEventUpcasters, ['ItemRenamed'])).toEqual([
      'no golden fixture for MemberJoined v2',
      'no golden fixture for MemberJoined v3',
      'no golden fixture for TempoSet v1',
      'no golden fixture for TempoSet v2',
      'no golden fixture for ItemRenamed v1',
    ]);
  });

  it('should report an upcast result that differs from the fixture\'s expected data', () => {
    write('TempoSet.v1.json', fixture('TempoSet', 1, { bpm: '120' }, { bpm: '120', beatUnit: 4 }));
    write('TempoSet.v2.json', fixture('TempoSet', 2, { bpm: 120, beatUnit: 4 }));

    expect(check([testEventUpcasters[2]])).toEqual([
      'TempoSet.v1.json: upcast to {"bpm":120,"beatUnit":4}, expected {"bpm":"120","beatUnit":4}',
    ]);
  });

  it('should report an event that is not today\'s shape after upcasting', () => {
    write('TempoSet.v1.json', fixture('TempoSet', 1, { tempo: 'fast' }));
    write('TempoSet.v2.json', fixture('TempoSet', 2, { bpm: 120, beatUnit: 4 }));

    expect(check([testEventUpcasters[2]])).toEqual(['TempoSet.v1.json: TempoSet v2 is not today\'s shape: bpm, beatUnit']);
  });

  it('should report upcasters that mutate their input or give different results each time', () => {
    let calls = 0;
    const impure: Upcaster[] = [
      { type: 'TempoSet', fromSchemaVersion: 1, upcast: (data) => Object.assign(data as object, { bpm: 100 + calls++, beatUnit: 4 }) },
    ];
    write('TempoSet.v1.json', fixture('TempoSet', 1, { bpm: '120' }));
    write('TempoSet.v2.json', fixture('TempoSet', 2, { bpm: 120, beatUnit: 4 }));

    expect(check(impure)).toEqual([
      'TempoSet.v1.json: an upcaster mutated its input',
      'TempoSet.v1.json: upcasting twice gave different data',
    ]);
  });

  it('should report a fixture newer than the code, a misnamed file, broken JSON and a missing stored event', () => {
    write('TempoSet.v3.json', fixture('TempoSet', 3, { bpm: 120, beatUnit: 4 }));
    write('TempoSet.v2.json', fixture('TempoSet', 1, { bpm: '120' }));
    write('tempo.json', fixture('TempoSet', 1, { bpm: '120' }));
    write('TempoSet.v1.json', '{ "stored": ');
    write('ItemRenamed.v1.json', { today: {} });
    write('README.md', 'not a fixture: ignored');

    expect(check([testEventUpcasters[2]])).toEqual([
      expect.stringMatching(/^ItemRenamed.v1.json: needs "stored"/),
      expect.stringMatching(/^TempoSet.v1.json: not JSON/),
      'TempoSet.v2.json: holds TempoSet v1, which its name contradicts',
      expect.stringMatching(/^TempoSet.v3.json: TempoSet event TempoSet.v3.json .* is v3, newer than this code's v2/),
      'tempo.json: name is not <type>.v<N>[.<label>].json',
      'no golden fixture for TempoSet v1',
      'no golden fixture for TempoSet v2',
    ]);
  });
});
