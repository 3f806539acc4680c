import { roleSatisfies } from '@bandpro/domain';
import { call, createScoreAs, register, startApp, type Reply, type RunningApp, type User } from './support/harness';
import { declaredRoutes, type RouteRule } from './support/routes';

jest.setTimeout(120_000);

type Person = 'owner' | 'editor' | 'commenter' | 'viewer' | 'share link' | 'stranger' | 'anonymous';
type Who = Person | "owner's read key" | "editor's write key";
const EVERYONE: Who[] = ['owner', 'editor', 'commenter', 'viewer', 'share link', 'stranger', 'anonymous', "owner's read key", "editor's write key"];
const KEY_HOLDERS = { "owner's read key": 'owner', "editor's write key": 'editor' } as const;
/** A key acts with its user's role; a read-scoped key is capped at viewer. */
const KEY_ROLES = { "owner's read key": 'viewer', "editor's write key": 'editor' } as const;
/** Routes that manage the account itself (keys, password, my data, erasure) take a login session, never an API key. */
const SESSION_ONLY = /^\/api\/v1\/(api-keys|auth\/password|me\/)/;
/** The audit log's admin routes: an account on ADMIN_EMAILS only (none here), never a key or a share link. */
const ADMIN_ROUTES = /^\/api\/v1\/admin\//;
/** The score routes the matrix must reach through the real app, so they cannot silently drop out of it. */
const SCORE_ROUTES = ['/api/v1/scores', '/api/v1/scores/{scoreId}', '/api/v1/scores/{scoreId}/info', '/api/v1/scores/{scoreId}/commands',
  '/api/v1/scores/{scoreId}/batch', '/api/v1/scores/{scoreId}/notes', '/api/v1/scores/{scoreId}/duplicate', '/api/v1/scores/{scoreId}/trash',
  '/api/v1/scores/{scoreId}/restore'];

interface Endpoint extends RouteRule {
  operationId: string;
}

let app: RunningApp;
let scoreId: string;
let shareToken: string;
const users: Partial<Record<Person, User>> = {};
const apiKeys: Partial<Record<Who, string>> = {};

beforeAll(async () => {
  app = await startApp();
  for (const who of ['owner', 'editor', 'commenter', 'viewer', 'stranger'] as const) users[who] = await register(app, who.replace(' ', '-'));
  const owner = users.owner as User;
  scoreId = await createScoreAs(app, owner.userId);
  for (const role of ['editor', 'commenter', 'viewer'] as const) {
    const invited = await call(app, 'POST', `/api/v1/scores/${scoreId}/access/invitations`, { token: owner.accessToken, body: { email: users[role]?.email, role } });
    if (invited.status !== 201) throw new Error(`invite ${role}: ${JSON.stringify(invited.body)}`);
  }
  const link = await call(app, 'POST', `/api/v1/scores/${scoreId}/access/share-links`, { token: owner.accessToken, body: {} });
  shareToken = String(link.body['token']);
  for (const [who, holder] of Object.entries(KEY_HOLDERS)) {
    const scope = who === "owner's read key" ? 'read' : 'write';
    const key = await call(app, 'POST', '/api/v1/api-keys', { token: users[holder]?.accessToken, body: { name: who, scope } });
    apiKeys[who as Who] = String(key.body['key']);
  }
}, 180_000);
afterAll(() => app?.stop());

/** Every operation the running app documents (at the path it serves), matched to the rule its controller declares. */
async function endpoints(): Promise<Endpoint[]> {
  const docs = (await call(app, 'GET', '/api/docs-json')).body as { paths: Record<string, Record<string, { operationId: string }>> };
  const rules = declaredRoutes();
  return Object.entries(docs.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const rule = rules.find((r) => (r.path === path || r.barePath === path) && r.method === method);
      if (rule === undefined) throw new Error(`${method} ${path} is served but no controller under src/ declares it`);
      return { ...rule, path, operationId: operation.operationId };
    }),
  );
}

/** 'refused': the handler, not a guard, turns the key away (so the probe's bad body may be refused first). */
function expected(endpoint: Endpoint, who: Who): 'allow' | 'refused' | 401 | 403 {
  if (endpoint.isPublic) return 'allow';
  if (ADMIN_ROUTES.test(endpoint.path)) return who === 'anonymous' || who === 'share link' ? 401 : 403;
  if (who === "owner's read key" || who === "editor's write key") {
    if (who === "owner's read key" && endpoint.method !== 'get') return 403;
    if (SESSION_ONLY.test(endpoint.path)) return 'refused';
    return expected(endpoint, KEY_ROLES[who]);
  }
  if (endpoint.role === undefined) return who === 'anonymous' || who === 'share link' ? 401 : 'allow';
  if (who === 'anonymous') return 401;
  if (who === 'share link') return endpoint.role === 'viewer' && endpoint.method === 'get' ? 'allow' : 403;
  if (who === 'stranger') return 403;
  return roleSatisfies(who, endpoint.role) ? 'allow' : 403;
}

/** Placeholder ids for the other parameters, and a body the validation pipe refuses, so allowed calls change nothing. */
function probe(endpoint: Endpoint, who: Who): Promise<Reply> {
  const path = endpoint.path.replace('{scoreId}', scoreId).replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'email' ? 'nobody@example.com' : '0190f1c2-0000-7000-8000-000000000000');
  const user = users[who as Person];
  const headers: Record<string, string> = who === 'share link' ? { 'x-share-token': shareToken } : {};
  const body = endpoint.method === 'get' ? undefined : { probeFieldNoDtoAccepts: true };
  return call(app, endpoint.method.toUpperCase(), path, { token: user?.accessToken, apiKey: apiKeys[who], headers, body });
}

describe('the authorization matrix: every endpoint × every kind of caller', () => {
  it('should declare a score role on every route that names a score', async () => {
    const unguarded = (await endpoints()).filter((e) => e.path.includes('{scoreId}') && !e.isPublic && e.role === undefined);
    expect(unguarded.map((e) => `${e.method} ${e.path}`)).toEqual([]);
  });

  it('should allow and deny exactly as each route declares', async () => {
    const all = await endpoints();
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(all.map((e) => e.path)).toEqual(expect.arrayContaining(SCORE_ROUTES));
    const mismatches: string[] = [];
    for (const endpoint of all) {
      for (const who of EVERYONE) {
        const want = expected(endpoint, who);
        const { status, body } = await probe(endpoint, who);
        // An allowed call must also not crash: a 5xx there means a handler that assumed more than its guard checked.
        const ok = want === 'allow' ? status !== 401 && status !== 403 && status < 500 : want === 'refused' ? status === 400 || status === 403 : status === want;
        if (!ok) mismatches.push(`${who} ${endpoint.method} ${endpoint.path}: wanted ${want}, got ${status} ${String(body.code)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('should resolve each invited member to their role, and a share link to viewer on its own score only', async () => {
    const list = await call(app, 'GET', `/api/v1/scores/${scoreId}/access`, { token: users.viewer?.accessToken });
    expect(list.body['invitations']).toHaveLength(3);
    const other = await createScoreAs(app, (users.stranger as User).userId);
    const elsewhere = await call(app, 'GET', `/api/v1/scores/${other}/access`, { headers: { 'x-share-token': shareToken } });
    expect(elsewhere).toMatchObject({ status: 401, body: { code: 'SHARE_LINK_INVALID' } });
    const query = await call(app, 'GET', `/api/v1/scores/${scoreId}/access?share=${encodeURIComponent(shareToken)}`);
    expect(query.status).toBe(200);
  });

  it('should answer 404 for a score that does not exist', async () => {
    const missing = await call(app, 'GET', '/api/v1/scores/0190f1c2-0000-7000-8000-00000000dead/access', { token: users.owner?.accessToken });
    expect(missing).toMatchObject({ status: 404, body: { code: 'SCORE_NOT_FOUND' } });
  });
});
