import type { AuditRecord } from '@bandpro/audit';
import { InMemoryKeyStore, PersonalDataVault } from '@bandpro/events';
import { openAuditRecord, sealAuditRecord } from '../../src/audit/audit-sealing';

const record = (over: Partial<AuditRecord> = {}): AuditRecord => ({
  id: 'r1', at: '2026-01-01T00:00:00.000Z', actor: { id: 'u-ann', kind: 'user' }, ip: '192.0.2.7', userAgent: 'AnnBrowser/1',
  action: 'score.command', outcome: 'success', status: 200, details: { route: '/api/v1/scores' }, ...over,
});

describe("the audit log's client addresses, sealed per person", () => {
  const vault = new PersonalDataVault(new InMemoryKeyStore(), { keyCacheTtlMs: 0 });

  it('should seal the address and user agent with the actor key, and open them as recorded', async () => {
    const sealed = await sealAuditRecord(record(), vault);
    expect(sealed).toMatchObject({ ip: null, userAgent: null, actor: { id: 'u-ann' }, details: { route: '/api/v1/scores', client: { $pii: { s: 'u-ann' } } } });
    expect(JSON.stringify(sealed)).not.toMatch(/192\.0\.2\.7|AnnBrowser/);
    expect(await openAuditRecord(sealed, vault)).toEqual(record());
  });

  it('should seal an API key use with its user key, and a failed login with the subject of the email tried', async () => {
    const byKey = await sealAuditRecord(record({ actor: { id: 'k1', kind: 'api-key' }, details: { userId: 'u-bea' } }), vault);
    expect(byKey.details['client']).toMatchObject({ $pii: { s: 'u-bea' } });
    const failed = await sealAuditRecord(record({ actor: null, details: { emailSubject: 'email-abc' } }), vault);
    expect(failed.details['client']).toMatchObject({ $pii: { s: 'email-abc' } });
  });

  it('should keep the address of a call tied to nobody, and leave a record without one as it is', async () => {
    const anonymous = record({ actor: null, details: {} });
    expect(await sealAuditRecord(anonymous, vault)).toBe(anonymous);
    const system = record({ actor: { id: 'purge', kind: 'system' }, ip: null, userAgent: null });
    expect(await sealAuditRecord(system, vault)).toBe(system);
    expect(await openAuditRecord(system, vault)).toBe(system);
  });

  it('should read an erased person address as null, and write none for a record made after their erasure', async () => {
    const sealed = await sealAuditRecord(record({ actor: { id: 'u-cy', kind: 'user' } }), vault);
    await vault.erase('u-cy');
    expect(await openAuditRecord(sealed, vault)).toMatchObject({ ip: null, userAgent: null, details: { route: '/api/v1/scores' } });
    const late = await sealAuditRecord(record({ actor: { id: 'u-cy', kind: 'user' } }), vault);
    expect(late).toMatchObject({ ip: null, userAgent: null });
    expect(late.details['client']).toBeUndefined();
  });
});
