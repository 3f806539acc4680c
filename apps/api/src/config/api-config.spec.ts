import { ApiConfigError, loadApiConfig } from './api.config';

describe('loadApiConfig', () => {
  it('should fall back to the embedded defaults when nothing is set', () => {
    const config = loadApiConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: './data', mongodbUri: undefined, redisUrl: undefined, corsOrigins: [] });
  });

  it('should refuse to start in production without a JWT secret and say why', () => {
    expect(() => loadApiConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set/);
    expect(() => loadApiConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(ApiConfigError);
  });

  it('should accept production with a long secret', () => {
    expect(loadApiConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toHaveLength(32);
  });

  it('should reject a port that is not a whole number in range', () => {
    expect(() => loadApiConfig({ PORT: 'abc' })).toThrow(/PORT must be a whole number/);
    expect(() => loadApiConfig({ PORT: '70000' })).toThrow(ApiConfigError);
  });

  it('should read the body limit as a size in bytes and refuse what is not one', () => {
    expect(loadApiConfig({}).bodyLimit).toBe(1024 * 1024);
    expect(loadApiConfig({ BODY_LIMIT: '64kb' }).bodyLimit).toBe(64 * 1024);
    expect(loadApiConfig({ BODY_LIMIT: '2MB' }).bodyLimit).toBe(2 * 1024 * 1024);
    expect(loadApiConfig({ BODY_LIMIT: '4096' }).bodyLimit).toBe(4096);
    expect(() => loadApiConfig({ BODY_LIMIT: 'lots' })).toThrow(/BODY_LIMIT must be a size/);
    expect(() => loadApiConfig({ BODY_LIMIT: '10' })).toThrow(ApiConfigError);
    expect(() => loadApiConfig({ BODY_LIMIT: '1gb' })).toThrow(ApiConfigError);
  });

  it('should serve the Swagger UI unless API_DOCS_UI=false, and refuse anything but true or false', () => {
    expect(loadApiConfig({}).docsUi).toBe(true);
    expect(loadApiConfig({ API_DOCS_UI: 'false' }).docsUi).toBe(false);
    expect(() => loadApiConfig({ API_DOCS_UI: 'no' })).toThrow(/API_DOCS_UI must be true or false/);
  });

  it('should write SQLite appends on this thread unless SQLITE_WRITER_THREAD=true', () => {
    expect(loadApiConfig({}).sqliteWriterThread).toBe(false);
    expect(loadApiConfig({ SQLITE_WRITER_THREAD: 'true' }).sqliteWriterThread).toBe(true);
  });

  it('should split CORS origins and check the Redis URL scheme', () => {
    const config = loadApiConfig({ CORS_ORIGIN: 'https://a.example, https://b.example', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(() => loadApiConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
  });

  it('should default exports to local files, 15-minute links signed with the JWT secret, and the bandpro queue prefix', () => {
    const config = loadApiConfig({ JWT_SECRET: 'j'.repeat(32) });
    expect(config.exports).toEqual({ urlSecret: 'j'.repeat(32), urlTtlSeconds: 900, queuePrefix: 'bandpro', retryBackoffMs: 2_000, s3: undefined });
  });

  it('should read the export settings, S3 included, and refuse a short link secret', () => {
    const config = loadApiConfig({
      EXPORT_URL_SECRET: 's'.repeat(16), EXPORT_URL_TTL_SECONDS: '60', EXPORT_QUEUE_PREFIX: 'test', EXPORT_S3_BUCKET: 'b', EXPORT_S3_ENDPOINT: 'http://minio:9000', EXPORT_S3_REGION: 'eu-west-1',
    });
    expect(config.exports).toMatchObject({ urlSecret: 's'.repeat(16), urlTtlSeconds: 60, queuePrefix: 'test', s3: { bucket: 'b', endpoint: 'http://minio:9000', region: 'eu-west-1' } });
    expect(() => loadApiConfig({ EXPORT_URL_SECRET: 'short' })).toThrow(/EXPORT_URL_SECRET/);
    expect(() => loadApiConfig({ EXPORT_URL_TTL_SECONDS: '0' })).toThrow(/EXPORT_URL_TTL_SECONDS/);
  });
});
