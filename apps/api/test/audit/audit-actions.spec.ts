import { actionOf, commandTypesOf } from '../../src/audit/audit-actions';
import { AuditConfigError, loadAuditConfig } from '../../src/audit/audit.config';

describe('audit action names', () => {
  it.each([
    ['POST', '/api/v1/scores/:scoreId/commands', 'score.command'],
    ['PATCH', '/api/v1/scores/:scoreId', 'score.command'],
    ['POST', '/api/v1/scores/:scoreId/access/share-links', 'access.share'],
    ['PATCH', '/api/v1/scores/:scoreId/access/members/:userId', 'access.role_changed'],
    ['POST', '/api/v1/scores/:scoreId/exports', 'export.requested'],
    ['DELETE', '/api/v1/api-keys/:keyId', 'api_key.revoked'],
    ['POST', '/api/v1/auth/login', 'auth.login_failed'],
  ])('should name %s %s "%s"', (method, route, action) => {
    expect(actionOf(method, route, 'AnyController', 'handle')).toBe(action);
  });

  it('should fall back to <controller>.<handler> for a route it has no name for', () => {
    expect(actionOf('POST', '/api/v1/scores/:scoreId/comments', 'ScoreCommentsController', 'add')).toBe('scoreComments.add');
  });

  it('should take the command types of a single command or a batch, and nothing from other bodies', () => {
    expect(commandTypesOf({ type: 'WriteNote', data: {} })).toEqual(['WriteNote']);
    expect(commandTypesOf({ commands: [{ type: 'A' }, { type: 'B' }, { type: 'A' }, null, { type: 3 }] })).toEqual(['A', 'B']);
    expect(commandTypesOf({ title: 'x' })).toBeUndefined();
    expect(commandTypesOf(undefined)).toBeUndefined();
  });
});

describe('the audit configuration', () => {
  it('should default to 400 days of retention and no admins', () => {
    const config = loadAuditConfig({});
    expect(config.retentionDays).toBe(400);
    expect(config.adminEmails.size).toBe(0);
  });

  it('should read admin emails case-insensitively and refuse a retention that is not a whole number of days', () => {
    expect([...loadAuditConfig({ ADMIN_EMAILS: ' Ann@Example.com ,, bob@example.com' }).adminEmails]).toEqual(['ann@example.com', 'bob@example.com']);
    expect(() => loadAuditConfig({ AUDIT_RETENTION_DAYS: '0' })).toThrow(AuditConfigError);
    expect(() => loadAuditConfig({ AUDIT_RETENTION_DAYS: 'forever' })).toThrow(/AUDIT_RETENTION_DAYS must be a whole number/);
  });
});
