import { lazy, Suspense } from 'react';
import { JoinPage } from '../features/join/JoinPage';
import { Workspace } from '../features/workspace/Workspace';
import { Welcome } from '../features/welcome/Welcome';
import { isConsolePath, isVerifyPath, meetingIdIn, usePlace } from './router';

// A delegate opening an invitation on a hotel's Wi-Fi loads the workspace only: the
// secretariat's console and the verify page come in their own chunks, when visited.
const ConsoleApp = lazy(async () => ({ default: (await import('../features/console/ConsoleApp')).ConsoleApp }));
const VerifyPage = lazy(async () => ({ default: (await import('../features/verify/VerifyPage')).VerifyPage }));

export function App() {
  const { path } = usePlace();
  if (path === '/join') return <JoinPage />;
  if (isConsolePath(path)) return <Suspense fallback={<Loading />}><ConsoleApp /></Suspense>;
  if (isVerifyPath(path)) return <Suspense fallback={<Loading />}><VerifyPage /></Suspense>;
  const meetingId = meetingIdIn(path);
  if (meetingId) return <Workspace key={meetingId} meetingId={meetingId} />;
  return <Welcome />;
}

function Loading() {
  return <div className="screen-message" aria-busy="true" />;
}
