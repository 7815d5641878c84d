// /verify: anyone, signed in or not, drops a signed bundle or an exported PDF and learns
// whether the record is signed by every party, as it stands in the file. A bundle is checked
// in this browser (shared/signing/verify, WebCrypto Ed25519) and goes nowhere. A PDF's pages
// are bound to its bundle: the server makes the original again from that bundle and compares
// the bytes (./verify-original.ts), which this browser cannot do without the fonts and shaper.
import { useState, type DragEvent } from 'react';
import { FileUp } from 'lucide-react';
import { displayFingerprint } from '../../../shared/signing/fingerprint';
import { verifyBundle } from '../../../shared/signing/verify';
import type { Verdict } from '../../../shared/signing/verdict';
import { usePlace } from '../../app/router';
import { useT, type MessageKey } from '../../i18n/i18n';
import { LanguageSwitch } from '../workspace/LanguageSwitch';
import { UnreadableFile, readBundleFile } from './read-bundle';
import { VerdictView } from './VerdictView';
import { verifyOriginal } from './verify-original';

type Checked = { fileName: string; from: 'json' | 'pdf' | 'docx'; verdict: Verdict; bundle: unknown };

const READ_ERRORS: Record<UnreadableFile['code'], MessageKey> = {
  empty: 'verify.error.empty',
  'not-json': 'verify.error.notJson',
  'no-attachment': 'verify.error.noAttachment',
  server: 'verify.error.server',
};

export function VerifyPage() {
  const { t } = useT();
  const { query } = usePlace();
  const named = query.get('record');
  const expectedHash = named && /^[0-9a-f]{64}$/.test(named) ? named : null;
  const [checked, setChecked] = useState<Checked | null>(null);
  const [problem, setProblem] = useState<{ fileName: string; key: MessageKey } | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  const check = async (file: File) => {
    setBusy(true);
    setProblem(null);
    setChecked(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const read = await readBundleFile(bytes);
      const verdict = read.from === 'json' ? await verifyBundle(read.bundle) : await verifyOriginal(bytes, read.from);
      setChecked({ fileName: file.name, from: read.from, verdict, bundle: read.bundle });
    } catch (err) {
      setProblem({ fileName: file.name, key: err instanceof UnreadableFile ? READ_ERRORS[err.code] : 'verify.error.other' });
    } finally {
      setBusy(false);
    }
  };
  const dropped = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void check(file);
  };

  return (
    <div className="verify-page">
      <header className="verify-header">
        <div>
          <p className="meeting-code">Accord</p>
          <h1>{t('verify.title')}</h1>
        </div>
        <LanguageSwitch />
      </header>
      <main className="verify-main">
        <p>{t('verify.explain')}</p>
        {expectedHash && (
          <p className="expected" data-expected={displayFingerprint(expectedHash)}>
            {t('verify.expected', { fingerprint: displayFingerprint(expectedHash) })}
          </p>
        )}
        <label
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={dropped}
        >
          <FileUp size={28} aria-hidden="true" />
          <span>{t('verify.drop')}</span>
          <input
            type="file"
            accept=".json,.pdf,.docx,application/json,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void check(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
        {busy && <p role="status">{t('verify.checking')}</p>}
        {problem && (
          <p className="verdict-error error" role="alert">
            {t(problem.key, { file: problem.fileName })}
          </p>
        )}
        {checked && <VerdictView {...checked} expectedHash={expectedHash} />}
      </main>
    </div>
  );
}
