// One invitation per participant: a fresh token each, answered once to whoever issues them,
// and the row storage keeps, which holds only the token's hash.
import type { Participant } from '../../shared/record/schema';
import type { Role } from '../../shared/roles';
import { hashToken, newId, newToken } from '../auth/tokens';
import type { InvitationRow } from '../storage/storage';

export interface IssuedInvitation {
  participantId: string;
  role: Role;
  party: string;
  name: string;
  token: string;
}

export function newInvitations(meetingId: string, people: Participant[], now: string): { rows: InvitationRow[]; issued: IssuedInvitation[] } {
  const issued: IssuedInvitation[] = [];
  const rows = people.map((p): InvitationRow => {
    const token = newToken();
    issued.push({ participantId: p.id, role: p.role, party: p.party, name: p.name, token });
    return {
      id: newId(),
      meetingId,
      participantId: p.id,
      role: p.role,
      party: p.party,
      name: p.name,
      tokenHash: hashToken(token),
      createdAt: now,
      revokedAt: null,
      firstUsedAt: null,
    };
  });
  return { rows, issued };
}
