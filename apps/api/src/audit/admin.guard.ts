import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { normaliseEmail } from '@bandpro/domain';
import type { AuthenticatedRequest } from '../common/auth/auth.decorators';
import { ApiError } from '../common/errors/api-error';
import { AccountStore } from '../identity/account.store';
import { AUDIT_CONFIG, type AuditConfig } from './audit.config';

/**
 * The admin role: a signed-in user (not an API key) whose account email is in ADMIN_EMAILS. Checked on every
 * call against the account, so taking an email off the list takes effect at once, with no token to wait out.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(
    private readonly accounts: AccountStore,
    @Inject(AUDIT_CONFIG) private readonly config: AuditConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (actor?.kind === 'user') {
      const account = await this.accounts.active(actor.userId);
      if (account !== null && this.config.adminEmails.has(normaliseEmail(account.email))) return true;
    }
    throw new ApiError(403, 'ADMIN_ONLY', 'Only an administrator signed in with a user session may do this');
  }
}
