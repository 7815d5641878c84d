// The participants annex: each party's delegation (head first, then secretariat and
// delegates) with titles and agencies; observers listed apart; who is online now.
import { participants, type Participant } from '../../../shared/record/schema';
import type { Role } from '../../../shared/roles';
import { useStore } from '../../app/store';
import { pick, useT } from '../../i18n/i18n';
import { useYVersion } from '../../record/use-y';
import { useWorkspace } from '../workspace/workspace-context';

const ROLE_ORDER: Role[] = ['head', 'secretariat', 'delegate', 'observer'];

export function ParticipantsAnnex() {
  const { t, language } = useT();
  const { connection, meeting, columns, partyColor } = useWorkspace();
  const roster = participants(connection.doc);
  useYVersion(roster, { deep: false });
  const presence = useStore(connection.presence);
  const online = new Set([...presence.values()].map((u) => u.participantId));
  const everyone = roster.length > 0 ? roster.toArray() : meeting.participants;
  const byRole = (a: Participant, b: Participant) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role);
  const observers = everyone.filter((p) => p.role === 'observer');

  return (
    <section className="participants" aria-label={t('view.participants')}>
      <p className="online-count" data-online={online.size}>
        {t('participants.onlineNow', { count: online.size })}
      </p>
      {meeting.parties.map((party) => {
        const delegation = everyone.filter((p) => p.party === party.code && p.role !== 'observer').sort(byRole);
        return <Delegation key={party.code} title={pick(party.name, language, columns)} color={partyColor(party.code)} people={delegation} online={online} />;
      })}
      {observers.length > 0 && <Delegation title={t('participants.observers')} color={partyColor('')} people={observers} online={online} />}
    </section>
  );
}

function Delegation({ title, color, people, online }: { title: string; color: string; people: Participant[]; online: Set<string> }) {
  const { t } = useT();
  return (
    <section className="delegation">
      <h2 style={{ borderColor: color }}>{title}</h2>
      <table className="stack-table">
        <thead>
          <tr>
            <th scope="col">{t('participants.name')}</th>
            <th scope="col">{t('participants.title')}</th>
            <th scope="col">{t('participants.agency')}</th>
            <th scope="col">{t('participants.role')}</th>
            <th scope="col">{t('participants.online')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => {
            const here = online.has(person.id);
            return (
              <tr key={person.id} data-participant-id={person.id} data-online={here ? 'true' : 'false'}>
                <td data-label={t('participants.name')}>{person.name}</td>
                <td data-label={t('participants.title')}>{person.title}</td>
                <td data-label={t('participants.agency')}>{person.agency}</td>
                <td data-label={t('participants.role')}>{t(`role.${person.role}`)}</td>
                <td data-label={t('participants.online')}>
                  <span className={`presence ${here ? 'here' : 'away'}`} style={here ? { backgroundColor: color } : undefined} />
                  <span className="sr-only">{here ? t('participants.isOnline') : t('participants.isAway')}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
