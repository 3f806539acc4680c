import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from '@bandpro/events';

/** Roles on a score, weakest first: each role may do everything the ones before it may. */
export const SCORE_ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const;
export type ScoreRole = (typeof SCORE_ROLES)[number];

export const IS_PUBLIC = 'bandpro:isPublic';
export const REQUIRED_SCORE_ROLE = 'bandpro:requiredScoreRole';
export const REQUIRED_API_SCOPE = 'bandpro:requiredApiScope';

/** The route needs no authentication (register, login, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The caller must hold at least `role` on the score named by the route's `:scoreId` parameter.
 * Enforced by the global ScoreRoleGuard; share links satisfy 'viewer' only.
 */
export const RequireScoreRole = (role: ScoreRole) => SetMetadata(REQUIRED_SCORE_ROLE, role);

/** The authenticated request carries its actor (a user, or an API key acting for its owner). */
export interface AuthenticatedRequest {
  actor?: Actor & { userId: string; scopes?: ('read' | 'write')[] };
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
});
