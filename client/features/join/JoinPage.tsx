// /join#<token>: the invitation link. The token is in the fragment, so it never reaches a
// server log; it is traded once for the session cookie and wiped from the address.
import { useEffect, useState } from 'react';
import { navigate } from '../../app/router';
import { ApiFailure, api } from '../../connection/api';
import { settleUiLanguage, useT, type MessageKey } from '../../i18n/i18n';
import { LanguageSwitch } from '../workspace/LanguageSwitch';

export function JoinPage() {
  const { t } = useT();
  const [error, setError] = useState<MessageKey | null>(null);
  const [token] = useState(() => decodeURIComponent(window.location.hash.slice(1)));

  useEffect(() => {
    window.history.replaceState(null, '', '/join');
    if (!token) {
      settleUiLanguage();
      setError('join.noToken');
      return;
    }
    api.join(token).then(
      ({ meetingId }) => navigate(`/meetings/${encodeURIComponent(meetingId)}`, { replace: true }),
      (err: unknown) => {
        // No meeting will name the reader's language: the words come in the browser's.
        settleUiLanguage();
        setError(
          err instanceof ApiFailure && err.unreachable ? 'join.unreachable' : err instanceof ApiFailure && err.status < 500 ? 'join.invalid' : 'join.failed',
        );
      },
    );
  }, [token]);

  return (
    <div className="screen-message">
      <LanguageSwitch />
      {error ? (
        <p className="error" role="alert">
          {t(error)}
        </p>
      ) : (
        <p>{t('join.signingIn')}</p>
      )}
    </div>
  );
}
