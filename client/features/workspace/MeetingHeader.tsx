// The meeting as its people name it: series, number, venue and dates in the reader's
// language (Thai dates in the Buddhist Era), who is online, and who is reading.
import { formatDateRange } from '../../../shared/dates';
import { pick, useT } from '../../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { navigate } from '../../app/router';
import { useWorkspace } from './workspace-context';
import { PresenceList } from './PresenceList';

export function MeetingHeader() {
  const { t, language } = useT();
  const { meeting, you, columns, partyColor } = useWorkspace();
  const { facts } = meeting;
  const party = meeting.parties.find((p) => p.code === you?.party);
  return (
    <header className="meeting-header">
      <div className="meeting-title">
        <p className="meeting-code">
          {facts.code} · {t('header.number', { number: facts.number })}
          {meeting.version > 1 && ` · ${t('header.version', { version: meeting.version })}`}
        </p>
        <h1 lang={language}>{pick(facts.series, language, columns)}</h1>
        <p className="meeting-place">
          <span>{pick(facts.venue, language, columns)}</span>
          <span className="dot">·</span>
          <time dateTime={facts.startDate}>{formatDateRange(facts.startDate, facts.endDate, language)}</time>
        </p>
        <PresenceList />
      </div>
      <div className="meeting-you">
        <nav className="meeting-links" aria-label={t('header.links')}>
          <a href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
            {t('welcome.home')}
          </a>
          {you?.role === 'secretariat' && (
            <a href={`/console/meetings/${meeting.id}`} onClick={(e) => (e.preventDefault(), navigate(`/console/meetings/${meeting.id}`))}>
              {t('welcome.console')}
            </a>
          )}
        </nav>
        <LanguageSwitch />
        {you && (
          <p className="you" style={{ borderColor: partyColor(you.party) }}>
            <strong>{you.name}</strong>
            <span>
              {t(`role.${you.role}`)}
              {party && ` · ${pick(party.name, language, columns)}`}
            </span>
          </p>
        )}
      </div>
    </header>
  );
}
