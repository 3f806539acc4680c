import Database from 'better-sqlite3';
import { READ_MODELS_SQLITE_FILE_NAME } from '@bandpro/read-models';
import Redis from 'ioredis';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The ways a string can sit in a file or a Redis value: as UTF-8, JSON-escaped, lower-cased, and in base64
 * at each of the three byte alignments (a value inside a longer base64 run is encoded from whatever offset it
 * starts at; the edge characters that depend on its neighbours are dropped).
 */
export function encodedForms(value: string): string[] {
  const forms = new Set([value, value.toLowerCase(), JSON.stringify(value).slice(1, -1), JSON.stringify(value.toLowerCase()).slice(1, -1)]);
  for (const text of [value, value.toLowerCase()]) {
    for (let pad = 0; pad < 3; pad += 1) {
      const encoded = Buffer.concat([Buffer.alloc(pad), Buffer.from(text, 'utf8')]).toString('base64');
      const start = pad === 0 ? 0 : Math.ceil((pad * 4) / 3) + 1;
      const usable = encoded.slice(start, encoded.length - 4);
      if (usable.length >= 12) forms.add(usable);
    }
  }
  return [...forms];
}

export interface Finding {
  where: string;
  secret: string;
  form: string;
}

/** Every file under `dir` (WAL and journal files included), searched byte for byte. */
export function scanFiles(dir: string, secrets: Record<string, string>): { findings: Finding[]; files: string[] } {
  const files = listFiles(dir);
  const findings: Finding[] = [];
  for (const file of files) findings.push(...scanBytes(file, readFileSync(file), secrets));
  return { findings, files };
}

/** Every key of the Redis database, its name and its value, whatever the type. */
export async function scanRedis(redis: Redis, secrets: Record<string, string>): Promise<{ findings: Finding[]; keys: number }> {
  const findings: Finding[] = [];
  let keys = 0;
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'COUNT', 500);
    cursor = next;
    for (const key of batch) {
      keys += 1;
      const value = await valueOf(redis, key);
      findings.push(...scanBytes(`redis key ${key}`, Buffer.from(`${key}\n${value}`, 'utf8'), secrets));
    }
  } while (cursor !== '0');
  return { findings, keys };
}

function scanBytes(where: string, bytes: Buffer, secrets: Record<string, string>): Finding[] {
  const findings: Finding[] = [];
  for (const [secret, value] of Object.entries(secrets)) {
    for (const form of encodedForms(value)) if (bytes.includes(Buffer.from(form, 'utf8'))) findings.push({ where, secret, form });
  }
  return findings;
}

async function valueOf(redis: Redis, key: string): Promise<string> {
  switch (await redis.type(key)) {
    case 'string':
      return (await redis.get(key)) ?? '';
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'list':
      return JSON.stringify(await redis.lrange(key, 0, -1));
    case 'set':
      return JSON.stringify(await redis.smembers(key));
    case 'zset':
      return JSON.stringify(await redis.zrange(key, 0, -1, 'WITHSCORES'));
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    default:
      return '';
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** The read-model collections holding documents in the data directory's store: what the file scan covered. */
export function readModelCollections(dir: string): string[] {
  const db = new Database(join(dir, READ_MODELS_SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT DISTINCT collection FROM rm_documents ORDER BY collection').all() as { collection: string }[]).map((row) => row.collection);
  } finally {
    db.close();
  }
}
