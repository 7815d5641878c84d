// What Accord keeps of a record's history, beside its updates: who sent each accepted
// update (record_edits, one row per stored update, kept through compaction), which Yjs
// client ids each participant has claimed (record_clients), and the versions made
// automatically, by hand and at every lifecycle event (record_versions).

/** Who sent an update, from the server's session: never from what the client says. */
export interface EditAuthor {
  participantId: string;
  party: string;
  name: string;
}

/** One stored update's author and what it deleted, by Yjs item ids ([client, clock, length]). */
export interface EditRow extends EditAuthor {
  seq: number;
  at: string;
  deletes: [number, number, number][];
}

/** A Yjs client id and the participant who first sent text under it. */
export interface ClientClaim extends EditAuthor {
  clientId: number;
  firstSeen: string;
}

export const VERSION_KINDS = ['auto', 'named', 'lock', 'unlock', 'sign', 'amend', 'restore', 'remove'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export interface VersionRow {
  id: string;
  documentId: string;
  /** The last stored update the version holds. */
  seq: number;
  kind: VersionKind;
  name: string | null;
  at: string;
  /** Who made it (a named version, a lifecycle step), or null for an automatic one. */
  by: EditAuthor | null;
}

export interface NewVersion extends VersionRow {
  state: Uint8Array;
}

export interface HistoryStorage {
  /** The claims on these client ids of the record (unclaimed ids are left out). */
  clientClaims(documentId: string, clientIds: number[]): Promise<ClientClaim[]>;
  /** Every claim on the record's client ids. */
  listClientClaims(documentId: string): Promise<ClientClaim[]>;
  /** Authors of the stored updates after `afterSeq` up to `uptoSeq`, oldest first (with `deletionsOnly`, those that deleted something). */
  listEdits(documentId: string, afterSeq: number, uptoSeq: number, deletionsOnly?: boolean): Promise<EditRow[]>;
  /** Who sent the stored updates after `afterSeq` up to `uptoSeq`, and how many each. */
  listEditors(documentId: string, afterSeq: number, uptoSeq: number): Promise<(EditAuthor & { edits: number })[]>;
  addVersion(version: NewVersion): Promise<void>;
  /** The record's versions, oldest first, without their content. */
  listVersions(documentId: string): Promise<VersionRow[]>;
  /** When the record's last version was made, or null. */
  lastVersionAt(documentId: string): Promise<string | null>;
  versionState(documentId: string, versionId: string): Promise<{ version: VersionRow; state: Uint8Array } | undefined>;
}

export interface VersionDbRow {
  id: string;
  document_id: string;
  seq: number | string;
  kind: VersionKind;
  name: string | null;
  at: string;
  by_participant: string | null;
  by_party: string | null;
  by_name: string | null;
}

export const toVersion = (r: VersionDbRow): VersionRow => ({
  id: r.id,
  documentId: r.document_id,
  seq: Number(r.seq),
  kind: r.kind,
  name: r.name,
  at: r.at,
  by: r.by_participant ? { participantId: r.by_participant, party: r.by_party ?? '', name: r.by_name ?? '' } : null,
});

export interface EditDbRow {
  seq: number | string;
  participant_id: string;
  party: string;
  name: string;
  at: string;
  deletes: string;
}

export const toEdit = (r: EditDbRow): EditRow => ({
  seq: Number(r.seq),
  participantId: r.participant_id,
  party: r.party,
  name: r.name,
  at: r.at,
  deletes: JSON.parse(r.deletes) as EditRow['deletes'],
});

export interface ClaimDbRow {
  client_id: number | string;
  participant_id: string;
  party: string;
  name: string;
  first_seen: string;
}

export const toClaim = (r: ClaimDbRow): ClientClaim => ({
  clientId: Number(r.client_id),
  participantId: r.participant_id,
  party: r.party,
  name: r.name,
  firstSeen: r.first_seen,
});

/** Editors of a stretch of stored updates, counted by the database (a long record has hundreds of thousands). */
export const EDITORS_SQL = (p: (n: number) => string) =>
  `SELECT participant_id, MIN(party) AS party, MIN(name) AS name, COUNT(*) AS edits FROM record_edits
   WHERE document_id = ${p(1)} AND seq > ${p(2)} AND seq <= ${p(3)} GROUP BY participant_id ORDER BY MIN(seq)`;

export const toEditor = (r: { participant_id: string; party: string; name: string; edits: number | string }) => ({
  participantId: r.participant_id,
  party: r.party,
  name: r.name,
  edits: Number(r.edits),
});

export const VERSION_COLUMNS = 'id, document_id, seq, kind, name, at, by_participant, by_party, by_name';
