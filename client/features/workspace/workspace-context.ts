// What every part of the workspace needs to know: the meeting, the connection, who is
// reading, and what they may do. Provided once by the Workspace screen.
import { createContext, useContext } from 'react';
import type { RecordState } from '../../../shared/roles';
import type { Meeting, Viewer } from '../../connection/api';
import type { PresenceUser, RecordConnection } from '../../connection/record-connection';

export interface Workspace {
  meeting: Meeting;
  connection: RecordConnection;
  you: Viewer | null;
  presenceUser: PresenceUser;
  /** The working languages as columns, the reader's own first. */
  columns: string[];
  /** As the server last said over the socket, else as the meeting was loaded. */
  recordState: RecordState;
  /** No editor is editable and no button that writes is shown. */
  readOnly: boolean;
  partyColor(party: string): string;
}

const WorkspaceContext = createContext<Workspace | null>(null);
export const WorkspaceProvider = WorkspaceContext.Provider;

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace is used outside the workspace');
  return workspace;
}

// Distinct at a glance and readable as text on white; observers are grey.
const PARTY_COLORS = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f'];
const OBSERVER_COLOR = '#6b7280';

export function partyColors(partyCodes: string[]): (party: string) => string {
  return (party) => {
    const index = partyCodes.indexOf(party);
    return index < 0 ? OBSERVER_COLOR : PARTY_COLORS[index % PARTY_COLORS.length]!;
  };
}

/** The reader's language first, then the others in the meeting's order. */
export function orderColumns(languages: string[], first: string | undefined): string[] {
  return first && languages.includes(first) ? [first, ...languages.filter((l) => l !== first)] : [...languages];
}
