// Adding or changing one case: for each party its own case reference and responsible
// agency, the stage (with the date of repatriation), the next step in each working language
// and its due date. Each field warns as it is typed when it looks like personal data; a
// refused save keeps everything typed and says why in the reader's language.
import { useState, type FormEvent } from 'react';
import { CASE_STAGES, type CaseEntry, type CaseStage } from '../../../shared/cases/case';
import { casesApi, type CaseBody } from '../../connection/cases-api';
import { languageName, pick, useT, type MessageKey } from '../../i18n/i18n';
import { DateField } from '../dates/DateField';
import { useWorkspace } from '../workspace/workspace-context';
import { PersonalDataWarning } from './PersonalDataWarning';
import { caseError } from './use-case-annex';
import { stageKey } from './stage-label';

function blankFrom(entry: CaseEntry | null, parties: string[], languages: string[]): CaseBody {
  return {
    sides: parties.map((party) => {
      const side = entry?.sides.find((s) => s.party === party);
      return { party, reference: side?.reference ?? '', agency: side?.agency ?? '' };
    }),
    stage: entry?.stage ?? 'identified',
    repatriatedOn: entry?.repatriatedOn ?? null,
    nextStep: Object.fromEntries(languages.map((l) => [l, entry?.nextStep[l] ?? ''])),
    due: entry?.due ?? null,
  };
}

export function CaseForm({ entry, onDone }: { entry: CaseEntry | null; onDone(saved: boolean): void }) {
  const { t, language } = useT();
  const { meeting, columns } = useWorkspace();
  const parties = meeting.parties.map((p) => p.code);
  const names = meeting.participants.map((p) => p.name);
  const [body, setBody] = useState<CaseBody>(() => blankFrom(entry, parties, columns));
  const [error, setError] = useState<MessageKey | null>(null);
  const [saving, setSaving] = useState(false);
  const partyName = (code: string) => pick(meeting.parties.find((p) => p.code === code)?.name, language, columns) || code;
  const setSide = (party: string, patch: Partial<CaseBody['sides'][number]>) =>
    setBody((b) => ({ ...b, sides: b.sides.map((s) => (s.party === party ? { ...s, ...patch } : s)) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    // A party with no reference does not handle the case; empty next steps are not kept.
    const sent: CaseBody = {
      ...body,
      sides: body.sides.filter((s) => s.reference.trim() !== '').map((s) => ({ ...s, reference: s.reference.trim() })),
      nextStep: Object.fromEntries(Object.entries(body.nextStep).filter(([, text]) => text.trim() !== '')),
    };
    try {
      if (entry) await casesApi.update(meeting.id, entry.id, sent);
      else await casesApi.add(meeting.id, sent);
      onDone(true);
    } catch (err) {
      setError(caseError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="case-form" onSubmit={submit} aria-label={t(entry ? 'cases.edit' : 'cases.add')}>
      {parties.map((party) => {
        const side = body.sides.find((s) => s.party === party)!;
        return (
          <fieldset key={party} data-party={party}>
            <legend>{t('cases.handles', { party: partyName(party) })}</legend>
            <label>
              <span>{t('cases.referenceOf', { party })}</span>
              <input name={`reference-${party}`} value={side.reference} onChange={(e) => setSide(party, { reference: e.target.value })} />
            </label>
            <PersonalDataWarning text={side.reference} participantNames={names} />
            <label>
              <span>{t('cases.agencyOf', { party })}</span>
              <input name={`agency-${party}`} value={side.agency} onChange={(e) => setSide(party, { agency: e.target.value })} />
            </label>
            <PersonalDataWarning text={side.agency} participantNames={names} />
          </fieldset>
        );
      })}
      <label>
        <span>{t('cases.stage')}</span>
        <select name="stage" value={body.stage} onChange={(e) => setBody((b) => ({ ...b, stage: e.target.value as CaseStage }))}>
          {CASE_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(stageKey(stage))}
            </option>
          ))}
        </select>
      </label>
      {(body.stage === 'repatriated' || body.repatriatedOn) && (
        <DateField
          label={t('cases.repatriatedOn')}
          value={body.repatriatedOn ?? ''}
          onChange={(iso) => setBody((b) => ({ ...b, repatriatedOn: iso || null }))}
        />
      )}
      {columns.map((code) => (
        <div key={code} className="next-step" data-language={code}>
          <label>
            <span>{t('cases.nextStep', { language: languageName(code, language) })}</span>
            <textarea
              lang={code}
              name={`nextStep-${code}`}
              value={body.nextStep[code] ?? ''}
              onChange={(e) => setBody((b) => ({ ...b, nextStep: { ...b.nextStep, [code]: e.target.value } }))}
            />
          </label>
          <PersonalDataWarning text={body.nextStep[code] ?? ''} participantNames={names} />
        </div>
      ))}
      <DateField label={t('cases.due')} value={body.due ?? ''} onChange={(iso) => setBody((b) => ({ ...b, due: iso || null }))} />
      {error && (
        <p className="error" role="alert">
          {t(error)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {t('cases.save')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
