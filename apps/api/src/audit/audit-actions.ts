/** Routes of other modules and the audit names they get, by method and route pattern (after the /api/v1 prefix). */
const NAMED_ROUTES: [method: string, route: RegExp, action: string][] = [
  ['POST', /^\/scores$/, 'score.created'],
  ['POST', /^\/scores\/:scoreId\/(commands|notes|batch)$/, 'score.command'],
  ['PATCH', /^\/scores\/:scoreId$/, 'score.command'],
  ['POST', /^\/scores\/:scoreId\/trash$/, 'score.trashed'],
  ['POST', /^\/scores\/:scoreId\/restore$/, 'score.restored'],
  ['POST', /^\/scores\/:scoreId\/duplicate$/, 'score.duplicated'],
  ['POST', /^\/scores\/:scoreId\/access\/(invitations|share-links)$/, 'access.share'],
  ['PATCH', /^\/scores\/:scoreId\/access\/(invitations|members)\/[^/]+$/, 'access.role_changed'],
  ['DELETE', /^\/scores\/:scoreId\/access\/(invitations|members)\/[^/]+$/, 'access.member_removed'],
  ['DELETE', /^\/scores\/:scoreId\/access\/share-links\/[^/]+$/, 'access.share_revoked'],
  ['POST', /^\/scores\/:scoreId\/access\/transfer$/, 'access.ownership_transferred'],
  ['POST', /\/exports?(\/|$)/, 'export.requested'],
  // The login route names itself with @Audit; this entry is reached only when a guard refused it (rate limit).
  ['POST', /^\/auth\/login$/, 'auth.login_failed'],
  ['POST', /^\/auth\/register$/, 'auth.registered'],
  ['POST', /^\/auth\/refresh$/, 'auth.refreshed'],
  ['POST', /^\/auth\/logout$/, 'auth.logout'],
  ['POST', /^\/auth\/password$/, 'auth.password_changed'],
  ['POST', /^\/api-keys$/, 'api_key.created'],
  ['DELETE', /^\/api-keys\/[^/]+$/, 'api_key.revoked'],
];

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const isMutating = (method: string) => MUTATING.has(method.toUpperCase());

/** The audit name of a route: from the table above, else `<controller>.<handler>` ('scoreTemplates.list'). */
export function actionOf(method: string, route: string, controller: string, handler: string): string {
  const path = route.replace(/^\/api\/v1/, '');
  const named = NAMED_ROUTES.find(([m, pattern]) => m === method.toUpperCase() && pattern.test(path));
  if (named) return named[2];
  const name = controller.replace(/Controller$/, '');
  return `${name.charAt(0).toLowerCase()}${name.slice(1)}.${handler}`;
}

/** The command types a score request carries (`{ type }` or `{ commands: [{ type }] }`), for the record's details. */
export function commandTypesOf(body: unknown): string[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { type, commands } = body as { type?: unknown; commands?: unknown };
  if (typeof type === 'string') return [type.slice(0, 64)];
  if (!Array.isArray(commands)) return undefined;
  return [...new Set(commands.map((command: { type?: unknown } | null) => command?.type).filter((t): t is string => typeof t === 'string').map((t) => t.slice(0, 64)))].slice(0, 50);
}
