import { auditCsvStream, auditNdjsonStream, AUDIT_CSV_COLUMNS, decodeAuditCursor, encodeAuditCursor, fromAuditCsvRow, isAuditCursor, toAuditCsvRow, type AuditRecord } from '../src';
import { auditRecord } from './support/records';

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
}

async function* fromArray(records: AuditRecord[]): AsyncIterable<AuditRecord> {
  yield* records;
}

async function* failing(): AsyncIterable<AuditRecord> {
  yield auditRecord(1);
  throw new Error('the store went away');
}

describe('audit exports', () => {
  const tricky = auditRecord(1, { userAgent: 'Mozilla/5.0 (X11, "quoted")\nsecond line', details: { route: '/a,b', types: ['x'] } });
  const anonymous = auditRecord(2, { actor: null, ip: null, userAgent: null, scoreId: undefined, status: undefined, outcome: 'failure', action: 'auth.login_failed', details: {} });
  delete anonymous.scoreId;
  delete anonymous.status;

  it('should write a header and one quoted CSV row per record', async () => {
    const csv = await text(auditCsvStream(fromArray([tricky])));
    const [header] = csv.split('\n');
    expect(header).toBe(AUDIT_CSV_COLUMNS.join(','));
    expect(csv).toContain('"Mozilla/5.0 (X11, ""quoted"")\nsecond line"');
    expect(csv).toContain('"{""route"":""/a,b"",""types"":[""x""]}"');
  });

  it('should turn a CSV row back into the same record, absent values included', () => {
    expect(fromAuditCsvRow(toAuditCsvRow(tricky))).toEqual(tricky);
    expect(fromAuditCsvRow(toAuditCsvRow(anonymous))).toEqual(anonymous);
  });

  it('should write one JSON object per line', async () => {
    const ndjson = await text(auditNdjsonStream(fromArray([tricky, anonymous])));
    expect(ndjson.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([tricky, anonymous]);
  });

  it('should end a CSV stream with the error when reading records fails midway', async () => {
    await expect(text(auditCsvStream(failing()))).rejects.toThrow('the store went away');
  });
});

describe('audit cursors', () => {
  it('should name the same position after a round trip', () => {
    const position = { atMs: 1_767_225_600_000, id: '01900000-0000-7000-8000-000000000001' };
    expect(decodeAuditCursor(encodeAuditCursor(position))).toEqual(position);
    expect(isAuditCursor(encodeAuditCursor(position))).toBe(true);
  });

  it.each([['garbage'], [Buffer.from('12.not-an-id').toString('base64url')], [Buffer.from('-1.01900000-0000-7000-8000-000000000001').toString('base64url')], [Buffer.from('1.01900000-0000-7000-8000-000000000001.x').toString('base64url')]])(
    'should refuse the forged cursor %s',
    (cursor) => {
      expect(isAuditCursor(cursor)).toBe(false);
    },
  );
});
