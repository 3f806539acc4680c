import type { AuditLog, AuditRecord } from '../../src';
import { auditRecord, collect, minutesAfterBase } from '../support/records';

export interface ContractSubject {
  log: AuditLog;
  dispose(): Promise<void>;
}

export type ContractFactory = () => Promise<ContractSubject>;

const ids = (records: AuditRecord[]) => records.map((record) => record.id);

/** The one suite every AuditLog adapter runs. */
export function describeAuditLogContract(name: string, factory: ContractFactory): void {
  describe(`AuditLog contract: ${name}`, () => {
    let subject: ContractSubject;
    let log: AuditLog;
    beforeEach(async () => {
      subject = await factory();
      log = subject.log;
    });
    afterEach(() => subject.dispose());

    it('should give back exactly what was recorded, with or without actor, score and status', async () => {
      const full = auditRecord(1);
      const anonymous = auditRecord(2, { actor: null, ip: null, userAgent: null, scoreId: undefined, status: undefined, action: 'auth.login_failed', outcome: 'failure', details: { emailHash: 'ab12' } });
      delete anonymous.scoreId;
      delete anonymous.status;
      await log.record([full, anonymous]);
      expect((await log.query({ limit: 10 })).records).toEqual([full, anonymous]);
    });

    it('should order records by time, then id, whatever order they were recorded in', async () => {
      const [late, early, sameTimeA, sameTimeB] = [auditRecord(10), auditRecord(1), auditRecord(5), auditRecord(5)];
      await log.record([late, sameTimeB]);
      await log.record([sameTimeA, early]);
      const sameTime = [sameTimeA, sameTimeB].sort((a, b) => a.id.localeCompare(b.id));
      expect(ids((await log.query({ limit: 10 })).records)).toEqual(ids([early, ...sameTime, late]));
    });

    it('should page with cursors so that records added meanwhile neither repeat nor shift a page', async () => {
      const records = [0, 1, 2, 3, 4].map((minute) => auditRecord(minute));
      await log.record(records);
      const first = await log.query({ limit: 2 });
      expect(ids(first.records)).toEqual(ids(records.slice(0, 2)));
      await log.record([auditRecord(0.5), auditRecord(9)]);
      const second = await log.query({ limit: 2, cursor: first.nextCursor ?? undefined });
      expect(ids(second.records)).toEqual(ids(records.slice(2, 4)));
      const third = await log.query({ limit: 2, cursor: second.nextCursor ?? undefined });
      expect(third.records.map((record) => record.at)).toEqual([records[4]?.at, minutesAfterBase(9).toISOString()]);
      expect(third.nextCursor).toBeNull();
    });

    it('should filter by actor, score, action and a time range that includes its start and excludes its end', async () => {
      const ann = auditRecord(1);
      const bob = auditRecord(2, { actor: { id: 'user-bob', kind: 'user' }, scoreId: 'score-2' });
      const login = auditRecord(3, { action: 'auth.login', scoreId: undefined });
      const key = auditRecord(4, { actor: { id: 'key-1', kind: 'api-key' }, action: 'api_key.used' });
      await log.record([ann, bob, login, key]);
      const find = async (filter: Parameters<AuditLog['query']>[0]) => ids((await log.query(filter)).records);
      expect(await find({ limit: 10, actorId: 'user-ann' })).toEqual(ids([ann, login]));
      expect(await find({ limit: 10, scoreId: 'score-2' })).toEqual(ids([bob]));
      expect(await find({ limit: 10, action: 'api_key.used' })).toEqual(ids([key]));
      expect(await find({ limit: 10, from: minutesAfterBase(2), to: minutesAfterBase(4) })).toEqual(ids([bob, login]));
      expect(await find({ limit: 10, actorId: 'user-ann', action: 'auth.login', from: minutesAfterBase(3) })).toEqual(ids([login]));
    });

    it('should keep a record that is recorded again (a retried batch) once, as first stored', async () => {
      const record = auditRecord(1);
      await log.record([record]);
      await log.record([{ ...record, action: 'something.else' }, auditRecord(2)]);
      const { records } = await log.query({ limit: 10 });
      expect(records).toHaveLength(2);
      expect(records[0]).toEqual(record);
    });

    it('should refuse a batch holding a record without a valid time, and store none of it', async () => {
      await expect(log.record([auditRecord(1), auditRecord(2, { at: 'yesterday' })])).rejects.toMatchObject({ code: 'INVALID_AUDIT_RECORD' });
      expect((await log.query({ limit: 10 })).records).toEqual([]);
    });

    it('should refuse a limit out of range, a forged cursor and an invalid date', async () => {
      await expect(log.query({ limit: 0 })).rejects.toMatchObject({ code: 'INVALID_AUDIT_QUERY' });
      await expect(log.query({ limit: 1001 })).rejects.toMatchObject({ code: 'INVALID_AUDIT_QUERY' });
      await expect(log.query({ limit: 10, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'INVALID_AUDIT_QUERY' });
      await expect(log.query({ limit: 10, from: new Date('nope') })).rejects.toMatchObject({ code: 'INVALID_AUDIT_QUERY' });
    });

    it('should stream every matching record in order, across more than one page', async () => {
      const records = Array.from({ length: 1203 }, (_, i) => auditRecord(i, { action: i % 3 === 0 ? 'auth.login' : 'score.command' }));
      await log.record(records);
      const streamed = await collect(log.stream({ action: 'auth.login' }));
      expect(ids(streamed)).toEqual(ids(records.filter((record) => record.action === 'auth.login')));
    });

    it('should purge only records older than the cutoff and say how many it removed', async () => {
      const [old, older, atCutoff, recent] = [auditRecord(1), auditRecord(0), auditRecord(2), auditRecord(3)];
      await log.record([old, older, atCutoff, recent]);
      expect(await log.purgeOlderThan(minutesAfterBase(2))).toBe(2);
      expect(ids((await log.query({ limit: 10 })).records)).toEqual(ids([atCutoff, recent]));
      expect(await log.purgeOlderThan(minutesAfterBase(2))).toBe(0);
    });

    it('should not let a caller change a stored record through the objects it passed or got back', async () => {
      const record = auditRecord(1);
      const original = structuredClone(record);
      await log.record([record]);
      record.details['route'] = 'tampered';
      const [read] = (await log.query({ limit: 1 })).records;
      if (read) read.action = 'tampered';
      expect((await log.query({ limit: 1 })).records).toEqual([original]);
    });
  });
}
