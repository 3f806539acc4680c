import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { Writable } from 'node:stream';

/**
 * A zip written to `out` file by file as it is made: each file's compressed bytes leave before the next file is
 * built, and `add` waits for the socket to drain, so a large export never sits whole in memory.
 */
export class ZipStream {
  private readonly zip: Zip;
  private pending: Uint8Array[] = [];
  private failure: Error | null = null;

  constructor(private readonly out: Writable) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure = error;
      else this.pending.push(chunk);
    });
  }

  async add(name: string, content: string | AsyncIterable<string>): Promise<void> {
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    if (typeof content === 'string') {
      file.push(strToU8(content), true);
    } else {
      for await (const part of content) {
        file.push(strToU8(part));
        await this.flush();
      }
      file.push(new Uint8Array(0), true);
    }
    await this.flush();
  }

  async end(): Promise<void> {
    this.zip.end();
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunks = this.pending;
    this.pending = [];
    for (const chunk of chunks) {
      if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
    }
  }
}
