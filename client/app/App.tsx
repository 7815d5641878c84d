import { lazy, Suspense } from 'react';
import { JoinPage } from '../features/join/JoinPage';
import { Workspace } from '../features/workspace/Workspace';
import { isConsolePath, isVerifyPath, meetingIdIn, usePlace } from './router';
import { needCatalogPart } from '../i18n/i18n';

// A delegate opening an invitation on a hotel's Wi-Fi loads the workspace only: the
// secretariat's console and the verify page come in their own chunks, when visited.
// Their words are in the catalogs' second part, fetched beside their code.
const ConsoleApp = lazy(async () => {
  const [{ ConsoleApp }] = await Promise.all([import('../features/console/ConsoleApp'), needCatalogPart('extra')]);
  return { default: ConsoleApp };
});
const VerifyPage = lazy(async () => {
  const [{ VerifyPage }] = await Promise.all([import('../features/verify/VerifyPage'), needCatalogPart('extra')]);
  return { default: VerifyPage };
});

// The address without a meeting (/) says what Accord is: not a delegate's first screen.
const Welcome = lazy(async () => ({ default: (await import('../features/welcome/Welcome')).Welcome }));

export function App() {
  const { path } = usePlace();
  if (path === '/join') return <JoinPage />;
  if (isConsolePath(path))
    return (
      <Suspense fallback={<Loading />}>
        <ConsoleApp />
      </Suspense>
    );
  if (isVerifyPath(path))
    return (
      <Suspense fallback={<Loading />}>
        <VerifyPage />
      </Suspense>
    );
  const meetingId = meetingIdIn(path);
  if (meetingId) return <Workspace key={meetingId} meetingId={meetingId} />;
  return (
    <Suspense fallback={<Loading />}>
      <Welcome />
    </Suspense>
  );
}

function Loading() {
  return <div className="screen-message" aria-busy="true" />;
}
