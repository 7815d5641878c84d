// The secretariat judges a finding of the detector harmless (a participant's name written
// another way, a reference that looks like a passport) and dismisses it: the lock no longer
// counts it. The audit log keeps who, when, what kind and where, with a digest of the text
// rather than the text, which may be exactly what must not be kept.
import { sha256Hex } from '../../../shared/signing/fingerprint';
import { audit } from '../../audit';
import type { Services } from '../../services';
import type { MeetingRow, RecordRow } from '../../storage/storage';
import { refused, type CommandResult, type Participant } from '../lifecycle-result';
import { readCaseAnnex } from './case-annex';

export type Dismissed = CommandResult<{ key: string }>;

export async function dismissFinding(services: Services, meeting: MeetingRow, record: RecordRow, by: Participant, key: string): Promise<Dismissed> {
  const finding = (await readCaseAnnex(services, record)).findings.find((f) => f.key === key);
  if (!finding) return refused({ code: 'not-found', what: 'finding' });
  const written = await services.storage.dismissFinding(record.documentId, {
    key,
    byActor: by.participantId,
    byName: by.name,
    at: services.now().toISOString(),
  });
  if (!written.ok) return refused({ code: 'wrong-state', action: 'dismissFinding', state: written.state });
  await audit(services, meeting.id, by.participantId, 'personal-data.dismissed', {
    kind: finding.kind,
    place: finding.place,
    textDigest: sha256Hex(new TextEncoder().encode(finding.text)),
  });
  return { ok: true, value: { key } };
}
