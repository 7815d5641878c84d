// Steps of locking and signing as people take them in the browser: open a view of the
// workspace, read the key fingerprint a head is shown, look into the key kept in the
// browser, and hand a file to the verify page.
import type { Page } from 'playwright-core';

/** Opens a view of the workspace by its tab (minutes, actions, participants, invitations, signing, audit). */
export async function openView(page: Page, view: string): Promise<void> {
  await page.locator(`.views button[data-view="${view}"]`).click();
  await page.locator(`main.view-${view}`).waitFor();
}

/** The fingerprint of the signing key a head is shown, once made and enrolled. */
export async function enrolledFingerprint(page: Page): Promise<string> {
  const badge = page.locator('.key-badge[data-key-situation="ready"]');
  await badge.waitFor({ timeout: 15_000 });
  return (await badge.getAttribute('data-fingerprint')) ?? '';
}

/** What the browser keeps of a head's key: whether its private half can be read out. */
export function keptKey(page: Page, meetingId: string, participantId: string) {
  return page.evaluate(
    ([meeting, participant]) =>
      new Promise<{ kept: boolean; extractable: boolean | null; exportRefused: boolean | null }>((resolve, reject) => {
        const opening = indexedDB.open('accord-signing-keys');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const reading = db.transaction('keys').objectStore('keys').get(`${meeting}/${participant}`);
          reading.onerror = () => reject(reading.error);
          reading.onsuccess = () => {
            db.close();
            const kept = reading.result as { keys: CryptoKeyPair } | undefined;
            if (!kept) return resolve({ kept: false, extractable: null, exportRefused: null });
            crypto.subtle.exportKey('pkcs8', kept.keys.privateKey).then(
              () => resolve({ kept: true, extractable: kept.keys.privateKey.extractable, exportRefused: false }),
              () => resolve({ kept: true, extractable: kept.keys.privateKey.extractable, exportRefused: true }),
            );
          };
        };
      }),
    [meetingId, participantId] as const,
  );
}

/** Chooses a file on the verify page, as a person would from their disk. */
export async function verifyFile(page: Page, name: string, content: string | Buffer, mimeType = 'application/json'): Promise<void> {
  await page
    .locator('.drop-zone input[type="file"]')
    .setInputFiles({ name, mimeType, buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content });
}

/** Ticks "I have reviewed" and signs; waits until the review says it is signed. */
export async function reviewAndSign(page: Page): Promise<void> {
  const review = page.locator('.signing-review[data-signed="false"]');
  await review.locator('.record-document').waitFor();
  await review.locator('.confirm input[type="checkbox"]').check();
  await review.locator('button.sign').click();
  // Signed, or refused: a refusal fails the test with the words the head was shown.
  const refusal = page.locator('.signing-review .statement .error[role="alert"]');
  await Promise.race([page.locator('.signing-review[data-signed="true"]').waitFor(), refusal.waitFor()]);
  if (await refusal.isVisible()) throw new Error(`signing refused: ${await refusal.innerText()}`);
}
