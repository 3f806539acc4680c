import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../common/auth/auth.decorators';
import { ApiError } from '../common/errors/api-error';
import { ApiHealthIndicators } from './health.indicators';

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: ApiHealthIndicators,
  ) {}

  /** The process is up; says nothing about its dependencies. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.indicators.eventStore(), () => this.indicators.redisServer(), () => this.indicators.projectorLag()]);
    } catch (error) {
      const details = error instanceof ServiceUnavailableException ? (error.getResponse() as Record<string, unknown>) : undefined;
      throw new ApiError(503, 'NOT_READY', 'A dependency is down', details);
    }
  }
}
