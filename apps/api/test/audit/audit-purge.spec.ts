import { MemoryAuditLog, type AuditRecord } from '@bandpro/audit';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AuditPurgeService } from '../../src/audit/audit-purge.service';
import { loadAuditConfig } from '../../src/audit/audit.config';
import { PurgeLock } from '../../src/audit/purge-lock';
import { redisAvailable, REDIS_URL } from '../support/redis';

const NOW = new Date('2026-11-26T06:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const config = loadAuditConfig({});

const at = (daysAgo: number): AuditRecord => ({
  id: uuidv7(), at: new Date(NOW.getTime() - daysAgo * DAY_MS).toISOString(), actor: null, ip: null, userAgent: null, action: 'auth.login_failed', outcome: 'failure', details: { daysAgo },
});

describe('the audit retention purge', () => {
  it('should remove what is older than 400 days by the injected clock, keep the rest, and record its own run', async () => {
    const log = new MemoryAuditLog();
    const [old, borderline, recent] = [at(401), at(399), at(1)];
    await log.record([old, borderline, recent]);
    const service = new AuditPurgeService(log, config, () => NOW, new PurgeLock(null, 'unused'));
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);

    expect(await service.purge()).toEqual({ purged: 1, cutoff: new Date(NOW.getTime() - 400 * DAY_MS).toISOString() });

    const { records } = await log.query({ limit: 10 });
    expect(records.map((record) => record.id)).toEqual([borderline.id, recent.id, expect.any(String)]);
    expect(records[2]).toMatchObject({ action: 'admin.audit_purged', at: NOW.toISOString(), actor: { id: 'audit-retention', kind: 'system' }, details: { purged: 1, retentionDays: 400 } });
  });

  it('should report a failed run in the log and go on, not throw from its timer', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const log = new MemoryAuditLog();
    log.purgeOlderThan = () => Promise.reject(new Error('disk full'));
    const service = new AuditPurgeService(log, config, () => NOW, new PurgeLock(null, 'unused'));
    await expect(service.runScheduled()).resolves.toBeNull();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('disk full'));
    errors.mockRestore();
  });
});

describe('the purge lock in Redis', () => {
  let redis: Redis;
  let available = false;
  const key = `bandpro-test:audit-purge:${randomUUID()}`;

  beforeAll(async () => {
    available = await redisAvailable();
    if (available) redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    if (!available) return;
    await redis.del(key);
    await redis.quit();
  });

  it('should let exactly one of two API processes purge in a period', async () => {
    if (!available) return console.log('Redis purge lock: skipped (no Redis at ' + REDIS_URL + ')');
    const log = new MemoryAuditLog();
    await log.record([at(500)]);
    const first = new AuditPurgeService(log, config, () => NOW, new PurgeLock(redis, key));
    const second = new AuditPurgeService(log, config, () => NOW, new PurgeLock(redis, key));
    const results = await Promise.all([first.runScheduled(), second.runScheduled()]);
    expect(results.filter((result) => result !== null)).toEqual([{ purged: 1, cutoff: expect.any(String) }]);
    expect((await log.query({ limit: 10, action: 'admin.audit_purged' })).records).toHaveLength(1);
    expect(await redis.pttl(key)).toBeGreaterThan(DAY_MS - 120_000);
  });
});
