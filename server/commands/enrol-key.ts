// A head of delegation enrols the public half of the key their browser made, for their
// party, and only theirs: a key enrolled for another party is refused. Enrolling again (a new browser, a lost key) replaces it: the old key stays on
// file, marked replaced, and signatures already made with it keep the key they used.
import { decodeBase64Url } from '../../shared/signing/base64';
import { keyFingerprint } from '../../shared/signing/fingerprint';
import { importPublicKey } from '../../shared/signing/keys';
import type { Services } from '../services';
import type { MeetingRow, PartyKeyRow } from '../storage/storage';
import { auditOutcome } from './lifecycle-audit';
import { askAuthorize } from './ask';
import { refused, type CommandResult, type Participant } from './lifecycle-result';

export interface Enrolled {
  key: PartyKeyRow;
  /** The fingerprint of the key it replaced, if any. */
  replaced: string | null;
  /** False when this very key was already enrolled: nothing changed. */
  changed: boolean;
}

export async function enrolKey(services: Services, meeting: MeetingRow, by: Participant, publicKey: string): Promise<CommandResult<Enrolled>> {
  const { storage } = services;
  const result = await (async (): Promise<CommandResult<Enrolled>> => {
    const record = await storage.getRecord(meeting.currentDocumentId);
    if (!record) throw new Error(`meeting ${meeting.id} has no current record`);
    // The record as stored now: it may have been signed since the route asked.
    const refusal = askAuthorize(by, 'enrolKey', record, { party: by.actor.party });
    if (refusal) return refused(refusal);
    const raw = decodeBase64Url(publicKey);
    if (!(await importPublicKey(raw))) return refused({ code: 'invalid-key' });

    const fingerprint = keyFingerprint(raw);
    const enrolled = await storage.listPartyKeys(meeting.id);
    // One key, one party: a key another party's head enrolled cannot be theirs too.
    const holder = enrolled.find((k) => k.party !== by.actor.party && k.fingerprint === fingerprint);
    if (holder) return refused({ code: 'key-in-use', party: holder.party });
    const existing = enrolled.find((k) => k.party === by.actor.party);
    if (existing?.publicKey === publicKey) return { ok: true, value: { key: existing, replaced: null, changed: false } };
    const key: PartyKeyRow = {
      meetingId: meeting.id,
      party: by.actor.party,
      publicKey,
      fingerprint,
      enrolledBy: by.participantId,
      enrolledAt: services.now().toISOString(),
      replacedAt: null,
    };
    await storage.enrolPartyKey(key);
    return { ok: true, value: { key, replaced: existing?.fingerprint ?? null, changed: true } };
  })();

  if (!result.ok || result.value.changed) {
    await auditOutcome(services, meeting.id, by.participantId, 'key.enrol', result, ({ key, replaced }) => [
      replaced ? 'key.replaced' : 'key.enrolled',
      { party: key.party, fingerprint: key.fingerprint, ...(replaced ? { replacedFingerprint: replaced } : {}) },
    ]);
  }
  return result;
}
