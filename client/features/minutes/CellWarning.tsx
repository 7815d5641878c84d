// Under a minutes cell, as someone types: the personal data the lock would stop at.
import type * as Y from 'yjs';
import { plainText } from '../../../shared/record/rich-text';
import { useYVersion } from '../../record/use-y';
import { PersonalDataWarning } from '../cases/PersonalDataWarning';
import { useWorkspace } from '../workspace/workspace-context';

export function CellWarning({ fragment }: { fragment: Y.XmlFragment }) {
  const { meeting } = useWorkspace();
  useYVersion(fragment, { afterPaint: true });
  return <PersonalDataWarning text={plainText(fragment)} participantNames={meeting.participants.map((p) => p.name)} />;
}
