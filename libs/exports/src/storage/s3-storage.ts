import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { RenderedExport } from '../render/render-export';
import { contentDisposition, type ExportStorage, type StoredExport } from './export-storage.port';

export interface S3StorageOptions {
  bucket: string;
  /** An S3-compatible endpoint (MinIO, R2…); unset means AWS. */
  endpoint?: string;
  region?: string;
  /** Prefix of every object key. */
  prefix?: string;
}

/** Exports as objects in a bucket; downloads are presigned GETs, so files never pass through the API. */
export class S3Storage implements ExportStorage {
  private readonly client: S3Client;

  /** Credentials come from the SDK's usual chain (AWS_ACCESS_KEY_ID…), unless a client is given. */
  constructor(private readonly options: S3StorageOptions, client?: S3Client) {
    this.client = client ?? new S3Client({
      region: options.region ?? 'us-east-1',
      endpoint: options.endpoint,
      // Most S3-compatible servers only serve path-style URLs.
      forcePathStyle: options.endpoint !== undefined,
    });
  }

  async put(key: string, file: RenderedExport): Promise<StoredExport> {
    await this.client.send(new PutObjectCommand({
      Bucket: this.options.bucket,
      Key: this.objectKey(key),
      Body: file.bytes,
      ContentType: file.contentType,
      ContentDisposition: contentDisposition(file.fileName),
    }));
    return { key, fileName: file.fileName, contentType: file.contentType, size: file.bytes.byteLength };
  }

  downloadUrl(stored: StoredExport, ttlSeconds: number): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.options.bucket,
      Key: this.objectKey(stored.key),
      ResponseContentType: stored.contentType,
      ResponseContentDisposition: contentDisposition(stored.fileName),
    });
    return getSignedUrl(this.client, command, { expiresIn: ttlSeconds });
  }

  close(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    return `${this.options.prefix ?? 'exports/'}${key}`;
  }
}
