// Who is online now, in the header: grouped by party, each name in the colour of their caret.
import { useStore } from '../../app/store';
import type { PresenceUser } from '../../connection/record-connection';
import { pick, useT } from '../../i18n/i18n';
import { useWorkspace } from './workspace-context';

export function PresenceList() {
  const { t, language } = useT();
  const { connection, meeting, columns, you } = useWorkspace();
  const presence = useStore(connection.presence);
  // One entry per participant, however many tabs they have open.
  const people = new Map<string, PresenceUser>();
  for (const user of presence.values()) if (user.participantId) people.set(user.participantId, user);
  const groups = [
    ...meeting.parties.map((p) => ({
      key: p.code,
      title: pick(p.name, language, columns) || p.code,
      people: [...people.values()].filter((u) => u.party === p.code && u.role !== 'observer'),
    })),
    {
      key: 'observers',
      title: t('presence.observers'),
      people: [...people.values()].filter((u) => u.role === 'observer' || !meeting.parties.some((p) => p.code === u.party)),
    },
  ].filter((g) => g.people.length > 0);
  return (
    <section className="presence-list" aria-label={t('presence.label')} data-online={people.size}>
      <h2 className="sr-only">{t('presence.label')}</h2>
      <p className="presence-count">{t('presence.count', { count: people.size })}</p>
      {groups.map((group) => (
        <div key={group.key} className="presence-party" data-party={group.key}>
          <span className="presence-party-name">{group.title}</span>
          <ul>
            {group.people.map((user) => (
              <li key={user.participantId} data-participant={user.participantId} style={{ borderColor: user.color }}>
                <span className="presence-dot" style={{ backgroundColor: user.color }} aria-hidden="true" />
                {user.participantId === you?.participantId ? t('presence.you', { name: user.name }) : user.name}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
