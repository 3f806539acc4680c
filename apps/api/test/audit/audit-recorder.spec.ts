import { MemoryAuditLog, type AuditRecord } from '@bandpro/audit';
import { Logger } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AuditRecorder } from '../../src/audit/audit-recorder';
import { loadAuditConfig } from '../../src/audit/audit.config';

const record = (): AuditRecord => ({ id: uuidv7(), at: new Date().toISOString(), actor: null, ip: null, userAgent: null, action: 'auth.login_failed', outcome: 'failure', details: {} });

/** An audit log whose writes fail while `down` is true: the store being unreachable, as the recorder sees it. */
class FlakyAuditLog extends MemoryAuditLog {
  down = false;
  writes = 0;
  override async record(records: readonly AuditRecord[]): Promise<void> {
    this.writes++;
    if (this.down) throw new Error('the audit store is unreachable');
    await super.record(records);
  }
}

describe('the audit recorder', () => {
  const config = { ...loadAuditConfig({ AUDIT_BATCH_SIZE: '3', AUDIT_FLUSH_MS: '60000' }), retryMs: 60_000 };
  let errors: string[];
  beforeEach(() => {
    errors = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
  });
  afterEach(() => jest.restoreAllMocks());

  it('should write in batches of the configured size', async () => {
    const log = new FlakyAuditLog();
    const recorder = new AuditRecorder(log, config);
    recorder.add([record(), record(), record(), record(), record()]);
    await recorder.flush();
    expect(log.writes).toBe(2);
    expect((await log.query({ limit: 10 })).records).toHaveLength(5);
    await recorder.stop();
  });

  it('should keep records whose write failed, say so, and write them on the next flush', async () => {
    const log = new FlakyAuditLog();
    const recorder = new AuditRecorder(log, config);
    log.down = true;
    const kept = [record(), record()];
    recorder.add(kept);
    await recorder.flush();
    expect(recorder.pending).toBe(2);
    expect(errors[0]).toMatch(/Writing 2 audit records failed .* retrying/);
    log.down = false;
    await recorder.flush();
    expect((await log.query({ limit: 10 })).records).toEqual(kept);
    await recorder.stop();
  });

  it('should log in full, at shutdown, the records it still could not write', async () => {
    const log = new FlakyAuditLog();
    const recorder = new AuditRecorder(log, config);
    log.down = true;
    const lost = record();
    recorder.add([lost]);
    await recorder.stop();
    expect(errors.at(-1)).toContain(JSON.stringify(lost));
    expect(recorder.pending).toBe(0);
  });
});
