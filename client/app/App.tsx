import { JoinPage } from '../features/join/JoinPage';
import { VerifyPage } from '../features/verify/VerifyPage';
import { Workspace } from '../features/workspace/Workspace';
import { LanguageSwitch } from '../features/workspace/LanguageSwitch';
import { useT } from '../i18n/i18n';
import { isVerifyPath, meetingIdIn, usePlace } from './router';
import { ConsoleApp } from '../features/console/ConsoleApp';
import { isConsolePath } from '../features/console/console-state';

export function App() {
  const { path } = usePlace();
  if (path === '/join') return <JoinPage />;
  if (isConsolePath(path)) return <ConsoleApp />;
  if (isVerifyPath(path)) return <VerifyPage />;
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
