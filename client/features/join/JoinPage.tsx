// /join#<token>: the invitation link. The token is in the fragment, so it never reaches a
// server log; it is traded once for the session cookie and wiped from the address.
import { useEffect, useState } from 'react';
import { navigate } from '../../app/router';
import { releaseSwitchFonts } from '../../app/switch-fonts';
import { ApiFailure, api } from '../../connection/api';
import { keepEarlyMeeting, openRecordEarly, takeEarlyJoin } from '../../connection/early-join';
import { settleUiLanguage, useT, type MessageKey } from '../../i18n/i18n';
import { LanguageSwitch } from '../workspace/LanguageSwitch';

export function JoinPage() {
  const { t } = useT();
  const [error, setError] = useState<MessageKey | null>(null);
  // join-early.ts, when it ran, has taken the token from the address and begun the exchange.
  const [early] = useState(takeEarlyJoin);
  const [token] = useState(() => early?.token ?? decodeURIComponent(window.location.hash.slice(1)));

  useEffect(() => {
    window.history.replaceState(null, '', '/join');
    if (!token) {
      settleUiLanguage();
      releaseSwitchFonts();
      setError('join.noToken');
      return;
    }
    if (early) keepEarlyMeeting(early);
    api.join(token, early?.session).then(
      ({ meetingId, documentId }) => {
        // The record's socket opens now, beside the request for the meeting, not after it.
        if (documentId) openRecordEarly(documentId, early);
        navigate(`/meetings/${encodeURIComponent(meetingId)}`, { replace: true });
      },
      (err: unknown) => {
        // No meeting will name the reader's language: the words come in the browser's.
        settleUiLanguage();
        releaseSwitchFonts();
        setError(
          err instanceof ApiFailure && err.unreachable ? 'join.unreachable' : err instanceof ApiFailure && err.status < 500 ? 'join.invalid' : 'join.failed',
        );
      },
    );
  }, [token, early]);

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
