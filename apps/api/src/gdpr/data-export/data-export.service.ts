import { Inject, Injectable } from '@nestjs/common';
import { isActiveScore, scoreOf, type ActiveAccount } from '@bandpro/domain';
import type { AuditLog, AuditRecord } from '@bandpro/audit';
import type { EventStore, StoredEvent } from '@bandpro/events';
import { exportMusicXml } from '@bandpro/formats';
import { openAuditRecord } from '../../audit/audit-sealing';
import { AuditRecorder } from '../../audit/audit-recorder';
import { AUDIT_LOG } from '../../audit/audit.tokens';
import { ApiError } from '../../common/errors/api-error';
import { AccountStore } from '../../identity/account.store';
import type { ScoreLoader } from '../../infrastructure/score-loader';
import { EVENT_STORE, SCORE_LOADER } from '../../infrastructure/tokens';
import { MyFootprint } from '../my-footprint';
import type { PersonalData } from '../personal-data/personal-data';
import { PERSONAL_DATA } from '../personal-data/sealing-event-store';
import type { ZipStream } from './zip-stream';

export const COMMENTS_NOTE = 'BandPro has no comments yet (collaboration comes later): this file will hold yours once it does.';

/**
 * Everything BandPro holds about a person, as a zip: profile.json, each score they own or edited as MusicXML
 * and as its event stream (NDJSON, one event per line with every envelope field, as `bandpro dump` writes it),
 * comments.json, and audit.ndjson (their own actions, client addresses opened).
 */
@Injectable()
export class DataExportService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly footprint: MyFootprint,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SCORE_LOADER) private readonly scores: ScoreLoader,
    @Inject(AUDIT_LOG) private readonly auditLog: AuditLog,
    private readonly recorder: AuditRecorder,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
  ) {}

  /**
   * Refuses before the first byte, so a refusal is a normal error response rather than a cut download. All of a
   * person's data goes out to their login session only, never to an API key (as with a password change).
   */
  async account(actor: { kind: string; userId: string }): Promise<ActiveAccount> {
    if (actor.kind !== 'user') throw new ApiError(403, 'USER_SESSION_REQUIRED', 'My data is exported with a login session, not with an API key');
    const account = await this.accounts.active(actor.userId);
    if (account === null) throw new ApiError(401, 'UNAUTHENTICATED', 'The account no longer exists');
    return account;
  }

  async write(account: ActiveAccount, zip: ZipStream, now: Date): Promise<void> {
    const keyIds = Object.keys(account.apiKeys);
    const emailSubject = (await this.accounts.emailSubjectOf(account.userId)) ?? (await this.accounts.emailSubject(account.email));
    const found = await this.footprint.of({ userId: account.userId, emailSubject }, keyIds);
    const owned = await this.footprint.owned(account.userId, found);
    const scoreIds = [...new Set([...owned, ...found.edited])].sort();
    await zip.add('profile.json', json(profileOf(account, owned, [...found.edited].sort(), now)));
    for (const scoreId of scoreIds) {
      const musicXml = await this.musicXml(scoreId);
      if (musicXml !== null) await zip.add(`scores/${scoreId}.musicxml`, musicXml);
      await zip.add(`scores/${scoreId}.events.ndjson`, this.eventLines(scoreId));
    }
    await zip.add('comments.json', json({ comments: [], note: COMMENTS_NOTE }));
    await zip.add('audit.ndjson', this.auditLines([account.userId, ...keyIds]));
  }

  /** The score as it is now; null when it has no content to write (not created, or deleted). */
  private async musicXml(scoreId: string): Promise<string | null> {
    const { state } = await this.scores.load(scoreId);
    return isActiveScore(state) ? exportMusicXml(scoreOf(state)) : null;
  }

  private async *eventLines(scoreId: string): AsyncIterable<string> {
    for await (const event of this.store.readStream(scoreId)) yield `${eventJson(event)}\n`;
  }

  /** The person's records by each of their actor ids (the user, each API key), oldest first. */
  private async *auditLines(actorIds: readonly string[]): AsyncIterable<string> {
    await this.recorder.flush();
    const records: AuditRecord[] = [];
    for (const actorId of actorIds) {
      for await (const record of this.auditLog.stream({ actorId })) records.push(await openAuditRecord(record, this.personalData.vault));
    }
    records.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    for (const record of records) yield `${JSON.stringify(record)}\n`;
  }
}

function profileOf(account: ActiveAccount, owned: string[], edited: string[], now: Date) {
  const apiKeys = Object.values(account.apiKeys).map(({ keyHash: _, ...key }) => key);
  return {
    exportedAt: now.toISOString(),
    userId: account.userId,
    email: account.email,
    displayName: account.displayName,
    registeredAt: account.registeredAt,
    apiKeys,
    scores: { owned, edited },
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every envelope field, one JSON object per line: the format of `bandpro dump`, so `bandpro load` reads it. */
function eventJson(event: StoredEvent): string {
  const { eventId, streamId, version, position, type, schemaVersion, data, metadata } = event;
  return JSON.stringify({ eventId, streamId, version, position, type, schemaVersion, data, metadata });
}
