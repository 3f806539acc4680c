import { strFromU8, unzipSync } from 'fflate';
import { Writable } from 'node:stream';
import { ZipStream } from '../../src/gdpr/data-export/zip-stream';

/** A slow client: a tiny buffer that drains a moment later, so the zip must wait for it. */
function slowSink(): { sink: Writable; bytes: () => Uint8Array; waits: () => number } {
  const chunks: Buffer[] = [];
  let waits = 0;
  const sink = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      setTimeout(done, 1);
    },
  });
  sink.on('drain', () => (waits += 1));
  return { sink, bytes: () => new Uint8Array(Buffer.concat(chunks)), waits: () => waits };
}

async function* lines(count: number): AsyncIterable<string> {
  for (let i = 1; i <= count; i += 1) yield `{"version":${i}}\n`;
}

describe('the streamed zip of a data export', () => {
  it('should write every file, whole, to a slow client, waiting for it to drain', async () => {
    const { sink, bytes, waits } = slowSink();
    const zip = new ZipStream(sink);
    await zip.add('profile.json', '{"email":"ann@example.com"}');
    await zip.add('scores/s1.events.ndjson', lines(2_000));
    await zip.add('comments.json', '{"comments":[]}');
    await zip.end();
    await new Promise<void>((resolve) => sink.end(resolve));
    const files = unzipSync(bytes());
    expect(Object.keys(files)).toEqual(['profile.json', 'scores/s1.events.ndjson', 'comments.json']);
    expect(strFromU8(files['profile.json'] as Uint8Array)).toBe('{"email":"ann@example.com"}');
    const events = strFromU8(files['scores/s1.events.ndjson'] as Uint8Array).trim().split('\n');
    expect(events).toHaveLength(2_000);
    expect(events[1_999]).toBe('{"version":2000}');
    expect(waits()).toBeGreaterThan(0);
  });

  it('should pass on a failure of the zip writer', async () => {
    const { sink } = slowSink();
    const zip = new ZipStream(sink);
    await zip.end();
    await expect(zip.add('late.json', '{}')).rejects.toThrow();
  });
});
