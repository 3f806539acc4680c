import { S3Client } from '@aws-sdk/client-s3';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { S3Storage } from './s3-storage';

/**
 * There is no S3 server here. Presigning needs none, so the URL's shape and expiry are checked for real;
 * the upload goes to a bare HTTP listener that records the request and answers as S3 does, which checks
 * what we send (bucket, key, headers), not how S3 stores it.
 */
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const file = { fileName: 'Blue Bossa - Trumpet 1.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF') };
const stored = { key: `${'ab'.repeat(20)}.pdf`, fileName: file.fileName, contentType: 'application/pdf', size: 4 };

describe('S3Storage', () => {
  it('should presign a GET of the object that expires after the time asked and names the file', async () => {
    const client = new S3Client({ region: 'eu-west-1', endpoint: 'http://s3.example.test:9000', forcePathStyle: true, credentials });
    const storage = new S3Storage({ bucket: 'band-exports', endpoint: 'http://s3.example.test:9000', region: 'eu-west-1' }, client);
    const url = new URL(await storage.downloadUrl(stored, 900));
    expect(url.origin).toBe('http://s3.example.test:9000');
    expect(url.pathname).toBe(`/band-exports/exports/${stored.key}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request$/);
    expect(url.searchParams.get('response-content-disposition')).toContain('filename="Blue Bossa - Trumpet 1.pdf"');
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    storage.close();
  });

  describe('uploads', () => {
    let server: Server;
    const received: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
          res.writeHead(200, { etag: '"1"' }).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('should put the object under its prefixed key with its type and download name', async () => {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const previous = { ...process.env };
      Object.assign(process.env, { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey });
      const storage = new S3Storage({ bucket: 'band-exports', endpoint, prefix: 'bandpro/' });
      try {
        expect(await storage.put(stored.key, file)).toEqual(stored);
      } finally {
        storage.close();
        process.env = previous;
      }
      expect(received).toEqual([expect.objectContaining({ method: 'PUT', url: expect.stringContaining(`/band-exports/bandpro/${stored.key}`), body: '%PDF' })]);
      expect(received[0].headers).toMatchObject({ 'content-type': 'application/pdf', 'content-disposition': expect.stringContaining('Blue Bossa') });
    });
  });
});
