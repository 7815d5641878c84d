// What the lock would stop at: every stretch of the minutes, the action points and the case
// annex that looks like a victim's personal data. The secretariat clears it by editing, or
// dismisses it here (the server audits the dismissal).
import { can } from '../../../shared/roles';
import type { CaseAnnex } from '../../connection/cases-api';
import { useT, type MessageKey } from '../../i18n/i18n';
import { useWorkspace } from '../workspace/workspace-context';
import { selectorOf } from './PersonalDataWarning';

export function FindingsPanel({ annex, onDismiss }: { annex: CaseAnnex; onDismiss(key: string): void }) {
  const { t } = useT();
  const { you, recordState } = useWorkspace();
  if (annex.findings.length === 0) return null;
  const mayDismiss = !!you && can(you, 'dismissFinding', { state: recordState });
  return (
    <div className="findings">
      <h3>{t('privacy.findings', { count: annex.findings.filter((f) => !f.dismissed).length })}</h3>
      <ul>
        {annex.findings.map((f) => (
          <li key={f.key} data-kind={f.kind} data-dismissed={f.dismissed ? 'true' : 'false'}>
            <span className="where">{t(`privacy.where.${f.place.target}` as MessageKey)}</span>{' '}
            {t('privacy.warning', { kind: selectorOf(f.kind), text: f.text })}
            {f.dismissed ? (
              <span className="dismissed"> {t('privacy.dismissed')}</span>
            ) : (
              mayDismiss && (
                <button type="button" onClick={() => onDismiss(f.key)}>
                  {t('privacy.dismiss')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
