import { randomBytes } from 'node:crypto';
import { mongo, type Connection } from 'mongoose';
import { SubjectErasedError } from '../../erasure/errors';
import { DATA_KEY_BYTES, type KeyStore } from '../../erasure/key-store.port';
import { assertSubjectId } from '../../erasure/sealed-value';

/** A key, or, once erased, a tombstone without one. */
interface KeyDocument {
  _id: string;
  key?: mongo.Binary;
  erasedAt?: Date;
}

const DURABLE = { writeConcern: { w: 'majority' as const, j: true } };

/**
 * Keys in their own collection; give it a connection to another database than the events'.
 * MongoDB keeps deleted bytes in its data files and oplog until they are reused or roll over,
 * so a shredded key is unreachable at once but physically gone only after the oplog window.
 */
export class MongoKeyStore implements KeyStore {
  private readonly collection;

  constructor(connection: Connection, collectionName = 'subject_keys') {
    this.collection = connection.collection<KeyDocument>(collectionName);
  }

  async getOrCreateKey(subjectId: string): Promise<Buffer> {
    assertSubjectId(subjectId);
    const fresh = new mongo.Binary(randomBytes(DATA_KEY_BYTES));
    const options = { upsert: true, returnDocument: 'after' as const, includeResultMetadata: false as const, ...DURABLE };
    const found = await this.collection
      .findOneAndUpdate({ _id: subjectId }, { $setOnInsert: { key: fresh } }, options)
      // Two racing upserts of a new _id: the loser gets E11000 and reads the winner's key.
      .catch((error: { code?: number }) => (error.code === 11000 ? this.collection.findOne({ _id: subjectId }) : Promise.reject(error)));
    if (!found?.key) throw new SubjectErasedError(subjectId);
    return Buffer.from(found.key.value());
  }

  async findKey(subjectId: string): Promise<Buffer | undefined> {
    const found = await this.collection.findOne({ _id: subjectId });
    return found?.key ? Buffer.from(found.key.value()) : undefined;
  }

  async deleteKey(subjectId: string): Promise<void> {
    assertSubjectId(subjectId);
    await this.collection.replaceOne({ _id: subjectId }, { erasedAt: new Date() }, { upsert: true, ...DURABLE });
  }

  async close(): Promise<void> {
    // The connection belongs to the caller.
  }
}
