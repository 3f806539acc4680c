import { Injectable } from '@nestjs/common';
import { roleOf } from '@bandpro/domain';
import type { AuthenticatedRequest } from '../common/auth/auth.decorators';
import { ApiError } from '../common/errors/api-error';
import { AccountStore } from '../identity/account.store';
import { AccessStore } from '../sharing/access.store';

/**
 * Routes under /exports name no score, so the global ScoreRoleGuard cannot check them: this asks the same
 * access list whether the caller holds any role (viewer or better) on the export's score.
 */
@Injectable()
export class ExportAccess {
  constructor(
    private readonly access: AccessStore,
    private readonly accounts: AccountStore,
  ) {}

  async requireViewer(scoreId: string, actor: AuthenticatedRequest['actor']): Promise<void> {
    if (actor === undefined) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in to see this export');
    const { state } = await this.access.load(scoreId);
    const email = state.ownerId === actor.userId ? '' : ((await this.accounts.active(actor.userId))?.email ?? '');
    if (roleOf(state, { userId: actor.userId, email }) === null) {
      throw new ApiError(403, 'FORBIDDEN', 'This needs the viewer role on the score', { required: 'viewer', role: null });
    }
  }
}
