// The canonical record as it is locked, signed and exported: meeting facts, parties,
// agenda, the minutes of each item in parallel language columns, action points and the
// participants annex. Drawn from the record's JSON alone (no live document), so the
// signing review, earlier versions and the verify page all show exactly what is signed.
import type { CanonicalRecord } from '../../../shared/record/canonical';
import { formatDateRange } from '../../../shared/dates';
import { languageName, pick, useT } from '../../i18n/i18n';
import { ActionPointsTable, ParticipantsTable } from './RecordAnnexes';
import { RichBlocks } from './RichBlocks';

export interface RecordDocumentProps {
  record: CanonicalRecord;
  /** The record's languages as columns, in the order to show them. */
  columns: string[];
  /** The record fingerprint, as shown to people. */
  fingerprint: string | null;
}

export function RecordDocument({ record, columns, fingerprint }: RecordDocumentProps) {
  const { t, language } = useT();
  const { meeting } = record;
  const first = columns[0] ?? language;
  const say = (texts: Record<string, string>) => pick(texts, language, columns);
  return (
    <article className="record-document" data-version={record.version}>
      <header>
        <p className="record-code">
          {meeting.code} · {t('header.number', { number: meeting.number })} · {t('header.version', { version: record.version })}
        </p>
        <h2 lang={meeting.series[language] ? language : first}>{say(meeting.series)}</h2>
        <p>
          {say(meeting.venue)} · <time dateTime={meeting.startDate}>{formatDateRange(meeting.startDate, meeting.endDate, language)}</time>
        </p>
        {fingerprint && (
          <p className="record-fingerprint">
            {t('lifecycle.fingerprint')} <code data-fingerprint={fingerprint}>{fingerprint}</code>
          </p>
        )}
        {record.previousRecordHash && <p className="amends">{t('doc.amends', { version: record.version - 1 })}</p>}
      </header>

      <section>
        <h3>{t('doc.parties')}</h3>
        <ul className="record-parties">
          {record.parties.map((p) => (
            <li key={p.code}>
              <strong>{say(p.name)}</strong> ({p.code})
            </li>
          ))}
        </ul>
        <p className="languages">
          {t('doc.languages', { languages: meeting.languages.map((l) => languageName(l, language)).join(', ') })}
          {meeting.prevailingLanguage && ` ${t('doc.prevailing', { language: languageName(meeting.prevailingLanguage, language) })}`}
        </p>
      </section>

      <section>
        <h3>{t('agenda.label')}</h3>
        <ol className="record-agenda">
          {record.agenda.map((item) => (
            <li key={item.id}>{say(item.title)}</li>
          ))}
        </ol>
      </section>

      <section>
        <h3>{t('view.minutes')}</h3>
        {record.agenda.map((item, n) => (
          <section key={item.id} className="record-item">
            <h4>
              {n + 1}. {say(item.title)}
            </h4>
            {item.minutes.length === 0 ? (
              <p className="empty">{t('segment.none')}</p>
            ) : (
              <div className="record-columns" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}>
                {columns.map((l) => (
                  <p key={l} className="column-name" lang={language}>
                    {languageName(l, language)}
                  </p>
                ))}
                {item.minutes.map((segment) =>
                  columns.map((l) => (
                    <div key={`${segment.id}/${l}`} className="record-cell" lang={l} data-segment-id={segment.id}>
                      <RichBlocks blocks={segment.text[l] ?? []} />
                    </div>
                  )),
                )}
              </div>
            )}
          </section>
        ))}
      </section>

      <ActionPointsTable record={record} columns={columns} />
      <ParticipantsTable record={record} columns={columns} />
    </article>
  );
}
