import { loadProjectorConfig } from './projector.config';

describe('loadProjectorConfig', () => {
  it('should run on SQLite under ./data with short polls when nothing is set', () => {
    expect(loadProjectorConfig({})).toEqual({
      dataDir: './data',
      mongodbUri: undefined,
      batchSize: 500,
      pollIntervalMs: 10,
      busyPollMs: 40,
      maxPollIntervalMs: 1000,
      leaseTtlMs: 10_000,
      lagLogIntervalMs: 30_000,
      redisUrl: undefined,
      exports: { queuePrefix: 'bandpro', s3: undefined },
      trashPurge: { everyMs: 3_600_000, retentionDays: 30, queuePrefix: 'bandpro' },
      cachePrefix: 'bandpro:cache:',
    });
  });

  it('should take every setting from the environment', () => {
    const env = {
      DATA_DIR: '/var/bandpro',
      MONGODB_URI: 'mongodb://db/bandpro?replicaSet=rs0',
      PROJECTOR_BATCH_SIZE: '200',
      PROJECTOR_POLL_MS: '20',
      PROJECTOR_BUSY_POLL_MS: '25',
      PROJECTOR_MAX_POLL_MS: '500',
      PROJECTOR_LEASE_TTL_MS: '3000',
      PROJECTOR_LAG_LOG_MS: '0',
      REDIS_URL: 'redis://cache:6379',
      EXPORT_QUEUE_PREFIX: 'staging',
      EXPORT_S3_BUCKET: 'exports',
      EXPORT_S3_ENDPOINT: 'http://minio:9000',
      EXPORT_S3_REGION: 'eu-west-1',
      TRASH_PURGE_EVERY_MS: '60000',
      TRASH_RETENTION_DAYS: '7',
      CACHE_PREFIX: 'staging:cache:',
    };
    expect(loadProjectorConfig(env)).toEqual({
      dataDir: '/var/bandpro',
      mongodbUri: 'mongodb://db/bandpro?replicaSet=rs0',
      batchSize: 200,
      pollIntervalMs: 20,
      busyPollMs: 25,
      maxPollIntervalMs: 500,
      leaseTtlMs: 3000,
      lagLogIntervalMs: 0,
      redisUrl: 'redis://cache:6379',
      exports: { queuePrefix: 'staging', s3: { bucket: 'exports', endpoint: 'http://minio:9000', region: 'eu-west-1' } },
      trashPurge: { everyMs: 60_000, retentionDays: 7, queuePrefix: 'staging' },
      cachePrefix: 'staging:cache:',
    });
  });

  it.each([
    ['PROJECTOR_BATCH_SIZE', 'lots'],
    ['PROJECTOR_BATCH_SIZE', '0'],
    ['PROJECTOR_POLL_MS', '2.5'],
    ['PROJECTOR_BUSY_POLL_MS', '0'],
    ['PROJECTOR_LEASE_TTL_MS', '10'],
    ['REDIS_URL', 'http://cache'],
    ['TRASH_PURGE_EVERY_MS', '10'],
    ['TRASH_RETENTION_DAYS', '0'],
  ])('should refuse %s=%s with a typed error', (name, value) => {
    expect(() => loadProjectorConfig({ [name]: value })).toThrow(expect.objectContaining({ code: 'PROJECTOR_CONFIG_INVALID', message: expect.stringContaining(name) }));
  });
});
