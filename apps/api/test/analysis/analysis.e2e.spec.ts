import { v7 as uuidv7 } from 'uuid';
import { signIn, type User } from '../support/accounts';
import { call, eventually } from '../support/http';
import { startApi, startProjector, tempDataDir, type RunningApi, type RunningProcess } from '../support/processes';
import { idsOf, q, type CreatedIds } from '../support/score-fixtures';

jest.setTimeout(60_000);

type Step = 'C' | 'D' | 'E' | 'F' | 'G' | 'A' | 'B';
const p = (step: Step, octave: number) => ({ step, alter: 0, octave });
const duration = (type: string) => ({ type, dots: 0 });

/** WriteNote data: one entry (a note or a chord) at `offsetQuarters` of a voice. */
function note(partId: string, measureId: string, offsetQuarters: number, pitches: ReturnType<typeof p>[], type = 'quarter', where = { staff: 1, voice: 1 }) {
  const entryId = uuidv7();
  const notes = pitches.map((pitch) => ({ id: uuidv7(), pitch }));
  return { type: 'WriteNote', data: { partId, measureId, ...where, offset: q(offsetQuarters), entryId, duration: duration(type), notes } };
}

const melody = (partId: string, measureId: string, pitches: ReturnType<typeof p>[]) => pitches.map((pitch, i) => note(partId, measureId, i, [pitch]));

describe('analysis queries over HTTP (API and projector as child processes)', () => {
  const data = tempDataDir();
  let api: RunningApi;
  let projector: RunningProcess;
  let alice: User;
  let score: CreatedIds;
  let lowNote: ReturnType<typeof note>;
  let pianoChord: ReturnType<typeof note>;
  let pianoBass: ReturnType<typeof note>;
  let versionBefore: number;
  const url = (route: string) => `/api/v1/scores/${score.scoreId}/analysis/${route}`;
  const get = (route: string, user: User = alice) => call(api.url, 'GET', url(route), { user });
  const post = (route: string, body: unknown) => call(api.url, 'POST', url(route), { user: alice, body });

  beforeAll(async () => {
    [api, projector] = await Promise.all([startApi({ DATA_DIR: data.dir }), startProjector({ DATA_DIR: data.dir })]);
    alice = await signIn(api.url, 'alice');
    const created = await call(api.url, 'POST', '/api/v1/scores', {
      user: alice, body: { title: 'Analysed', instrumentIds: ['trumpet-bb', 'piano'], measureCount: 5 },
    });
    score = idsOf(created.body);
    const [trumpet, piano] = score.partIds;
    const [m1, m2, m3, m4] = score.measureIds;
    pianoChord = note(piano, m1, 0, [p('C', 4), p('E', 4), p('G', 4)], 'whole');
    pianoBass = note(piano, m1, 0, [p('G', 2)], 'whole', { staff: 2, voice: 1 });
    const commands = [
      ...melody(trumpet, m1, [p('C', 5), p('E', 5), p('G', 5), p('E', 5)]),
      ...melody(trumpet, m2, [p('F', 5), p('A', 5), p('C', 6), p('A', 5)]),
      ...melody(trumpet, m3, [p('G', 5), p('B', 5), p('D', 5), p('F', 5)]),
      note(trumpet, m4, 0, [p('C', 5)], 'half'),
      pianoChord,
      pianoBass,
    ];
    const batch = await call(api.url, 'POST', `/api/v1/scores/${score.scoreId}/batch`, { user: alice, body: { commands } });
    expect(batch.status).toBe(200);
    versionBefore = batch.body.version;
    // Sounding D3 is below a B♭ trumpet's E3: the one note out of range, written after the batch.
    lowNote = note(trumpet, m4, 2, [p('D', 3)], 'half');
    const written = await call(api.url, 'POST', `/api/v1/scores/${score.scoreId}/commands`, { user: alice, body: lowNote });
    expect(written.status).toBe(200);
    await eventually(async () => {
      const read = await call(api.url, 'GET', `/api/v1/scores/${score.scoreId}`, { user: alice });
      return JSON.stringify(read.body).includes(lowNote.data.entryId) ? read : undefined;
    });
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), projector?.stop()]);
    data.remove();
  });

  it('should list the notes outside their instrument range, located, with the written pitch the player reads', async () => {
    const response = await get('range-warnings');

    expect(response.status).toBe(200);
    expect(response.body.warnings).toEqual([
      expect.objectContaining({
        partId: score.partIds[0], measureId: score.measureIds[3], bar: 4, staff: 1, voice: 1, entryId: lowNote.data.entryId,
        pitch: p('D', 3), written: p('E', 3), range: { low: p('E', 3), high: p('C', 6) }, severity: 'outside',
      }),
    ]);
    expect((await get(`range-warnings?partId=${score.partIds[1]}`)).body.warnings).toEqual([]);
  });

  it('should analyse an older version when asked, as the score was then', async () => {
    const before = await get(`range-warnings?version=${versionBefore}`);

    expect(before).toMatchObject({ status: 200, body: { version: versionBefore, warnings: [] } });
    expect((await get('range-warnings?version=9999')).body.code).toBe('SCORE_VERSION_NOT_FOUND');
  });

  it('should name the chord of selected entries, lowest note as the bass, and of whole measures of a part', async () => {
    const byEntries = await post('chord-name', { selection: [pianoChord.data.entryId, pianoBass.data.entryId] });
    const byMeasures = await post('chord-name', { selection: { measureIds: [score.measureIds[0]], partIds: [score.partIds[1]] } });
    const onePart = await post('chord-name', { partId: score.partIds[1], selection: [pianoChord.data.entryId] });

    expect(byEntries).toMatchObject({ status: 200, body: { name: 'C/G', chord: { root: { step: 'C', alter: 0 }, kind: 'major' } } });
    expect(byMeasures.body.name).toBe('C/G');
    expect(onePart.body.name).toBe('C');
  });

  it('should suggest a chord per bar for the melody of a part, in the key signature in force', async () => {
    const response = await get(`chord-suggestions?partId=${score.partIds[0]}&to=${score.measureIds[2]}&per=bar`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ key: { fifths: 0, mode: 'major' }, keyName: 'C major', per: 'bar' });
    expect(response.body.suggestions.map((s: { name: string; bar: number }) => [s.bar, s.name])).toEqual([[1, 'C'], [2, 'F'], [3, 'G7']]);
  });

  it('should suggest a chord per beat when asked', async () => {
    const response = await get(`chord-suggestions?partId=${score.partIds[0]}&from=${score.measureIds[1]}&to=${score.measureIds[1]}&per=beat`);

    expect(response.body.suggestions.map((s: { offset: unknown }) => s.offset)).toEqual([q(0, 1), q(1, 4), q(1, 2), q(3, 4)]);
  });

  it('should detect the key of the score and of a passage, with its correlation and the runners-up', async () => {
    const whole = await get('key');
    const trumpetOnly = await get(`key?partId=${score.partIds[0]}&from=${score.measureIds[0]}&to=${score.measureIds[2]}`);

    expect(whole).toMatchObject({ status: 200, body: { key: { fifths: 0, mode: 'major' }, name: 'C major' } });
    expect(whole.body.score).toBeGreaterThan(0.5);
    expect(whole.body.alternatives).toHaveLength(3);
    expect(trumpetOnly.body.name).toBe('C major');
  });

  it('should give the document as the players read it with ?concertPitch=false, the concert document otherwise', async () => {
    const scoreUrl = `/api/v1/scores/${score.scoreId}`;
    const [trumpet, piano] = score.partIds;
    const firstNote = (body: { document: { measures: { content: Record<string, { staves: { voices: { notes?: { pitch: unknown }[] }[][] }[] }> }[] } }, partId: string) =>
      body.document.measures[0].content[partId].staves[0].voices[0][0].notes?.[0].pitch;

    const concert = await call(api.url, 'GET', scoreUrl, { user: alice });
    const asWritten = await call(api.url, 'GET', `${scoreUrl}?concertPitch=false`, { user: alice });
    const writtenThen = await call(api.url, 'GET', `${scoreUrl}?concertPitch=false&version=${versionBefore}`, { user: alice });

    expect(concert.body).toMatchObject({ concertPitch: true });
    expect(firstNote(concert.body, trumpet)).toEqual(p('C', 5));
    expect(asWritten.body).toMatchObject({ concertPitch: false, writtenKeys: { [trumpet]: [{ measureId: score.measureIds[0], key: { fifths: 2, mode: 'major' } }] } });
    expect(firstNote(asWritten.body, trumpet)).toEqual(p('D', 5));
    expect(firstNote(asWritten.body, piano)).toEqual(firstNote(concert.body, piano));
    expect(writtenThen.body).toMatchObject({ version: versionBefore, concertPitch: false });
    expect(firstNote(writtenThen.body, trumpet)).toEqual(p('D', 5));
    expect(await call(api.url, 'GET', `${scoreUrl}?concertPitch=maybe`, { user: alice })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('should refuse unknown parts and measures with 404 and a code', async () => {
    expect(await get('range-warnings?partId=no-such-part')).toMatchObject({ status: 404, body: { code: 'REFERENCED_ELEMENT_MUST_EXIST' } });
    expect(await get(`key?from=${uuidv7()}`)).toMatchObject({ status: 404, body: { code: 'REFERENCED_ELEMENT_MUST_EXIST' } });
    expect(await get(`chord-suggestions?partId=${uuidv7()}`)).toMatchObject({ status: 404, body: { code: 'REFERENCED_ELEMENT_MUST_EXIST' } });
    expect(await post('chord-name', { selection: [uuidv7()] })).toMatchObject({ status: 404, body: { code: 'REFERENCED_ELEMENT_MUST_EXIST' } });
  });

  it('should refuse an empty selection, and a passage without notes, with 422', async () => {
    expect(await post('chord-name', { selection: [] })).toMatchObject({ status: 422, body: { code: 'SELECTION_MUST_HAVE_NOTES' } });
    expect(await post('chord-name', { selection: { measureIds: [score.measureIds[4]] } })).toMatchObject({ status: 422, body: { code: 'SELECTION_MUST_HAVE_NOTES' } });
    expect(await get(`key?from=${score.measureIds[4]}`)).toMatchObject({ status: 422, body: { code: 'NOT_ENOUGH_NOTES' } });
  });

  it('should refuse malformed queries and selections with 400', async () => {
    expect(await post('chord-name', { selection: { measureIds: 'all' } })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await post('chord-name', { selection: { partIds: [score.partIds[0]] } })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await get('chord-suggestions')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await get(`chord-suggestions?partId=${score.partIds[0]}&per=fortnight`)).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await get(`key?from=${score.measureIds[2]}&to=${score.measureIds[1]}`)).toMatchObject({ status: 400, body: { code: 'ANALYSIS_INPUT_MUST_BE_VALID' } });
  });

  it('should let a viewer analyse and keep a stranger out', async () => {
    const bob = await signIn(api.url, 'bob');
    expect((await get('key', bob)).status).toBe(403);
    const invited = await call(api.url, 'POST', `/api/v1/scores/${score.scoreId}/access/invitations`, { user: alice, body: { email: bob.email, role: 'viewer' } });
    expect(invited.status).toBe(201);
    expect((await get('key', bob)).status).toBe(200);
  });
});

