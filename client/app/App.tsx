import { JoinPage } from '../features/join/JoinPage';
import { Workspace } from '../features/workspace/Workspace';
import { LanguageSwitch } from '../features/workspace/LanguageSwitch';
import { useT } from '../i18n/i18n';
import { meetingIdIn, usePlace } from './router';

export function App() {
  const { path } = usePlace();
  if (path === '/join') return <JoinPage />;
  const meetingId = meetingIdIn(path);
  if (meetingId) return <Workspace key={meetingId} meetingId={meetingId} />;
  return <Welcome />;
}

function Welcome() {
  const { t } = useT();
  return (
    <div className="screen-message">
      <LanguageSwitch />
      <h1>Accord</h1>
      <p>{t('welcome.openInvitation')}</p>
    </div>
  );
}
