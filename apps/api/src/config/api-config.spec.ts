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

  it('should split CORS origins and check the Redis URL scheme', () => {
    const config = loadApiConfig({ CORS_ORIGIN: 'https://a.example, https://b.example', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(() => loadApiConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
  });
});
