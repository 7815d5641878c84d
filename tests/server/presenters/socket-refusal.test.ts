// The socket's refusals have one shape: the upgrade's HTTP status, and a refused message's
// permission-denied reason, which stock y-websocket providers show and Accord's client maps
// to words. The reasons on the wire are the ones shared/protocol.ts names.
import { describe, expect, it } from 'vitest';
import { RefusalReason } from '../../../shared/protocol';
import type { RecordState, Role } from '../../../shared/roles';
import { authorizeParticipant } from '../../../server/policies/authorize';
import { presentSocketRefusal, presentUpgradeRefusal } from '../../../server/presenters/socket-refusal';

describe('the socket presenter', () => {
  it('answers a write by whom authorize() says may not write: an observer is read-only in every state; others are told the record’s state', () => {
    const writeBy = (role: Role, state: RecordState) => {
      const refusal = authorizeParticipant({ role, party: role === 'observer' ? 'IOM' : 'TH' }, 'write', state, {});
      return refusal && presentSocketRefusal(refusal);
    };
    for (const state of ['draft', 'locked', 'signed'] as const) expect(writeBy('observer', state)).toBe(RefusalReason.readOnlyObserver);
    expect(writeBy('delegate', 'draft')).toBe(null);
    expect(writeBy('delegate', 'locked')).toBe(RefusalReason.readOnlyLocked);
    expect(writeBy('head', 'signed')).toBe(RefusalReason.readOnlySigned);
  });

  it('keeps the wire reasons the protocol names for the socket’s own refusals', () => {
    expect(presentSocketRefusal({ code: 'server-only', root: 'agreement' })).toBe('agreement:server-only');
    expect(presentSocketRefusal({ code: 'server-only', root: 'record' })).toBe('record:server-only');
    expect(presentSocketRefusal({ code: 'client-not-yours' })).toBe('update:client-not-yours');
    expect(presentSocketRefusal({ code: 'missing-dependencies' })).toBe('update:missing-dependencies');
    expect(presentSocketRefusal({ code: 'remove-use-command' })).toBe('remove:use-command');
    expect(presentSocketRefusal({ code: 'storage-unavailable' })).toBe('storage:unavailable');
    expect(presentSocketRefusal({ code: 'presence-not-yours' })).toBe('awareness:not-your-client');
    expect(presentSocketRefusal({ code: 'presence-too-large' })).toBe('awareness:too-large');
  });

  it('answers the upgrade 401 to whoever is not a participant, 403 to a participant refused the record or a page not Accord’s own', () => {
    expect(presentUpgradeRefusal({ code: 'unauthenticated' }).status).toBe(401);
    expect(presentUpgradeRefusal({ code: 'not-a-participant', action: 'connect' }).status).toBe(401);
    expect(presentUpgradeRefusal({ code: 'no-such-meeting' }).status).toBe(403);
    expect(presentUpgradeRefusal({ code: 'cross-origin' }).status).toBe(403);
  });
});
