import { JoinPage } from '../features/join/JoinPage';
import { VerifyPage } from '../features/verify/VerifyPage';
import { Workspace } from '../features/workspace/Workspace';
import { Welcome } from '../features/welcome/Welcome';
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
