// The printable sheet of invitations: an HTML page, one card per person with name, role,
// party and the QR code of their new link. No script (the CSP allows none inline); the
// QR codes are inline SVG, so the page prints alone.
import QRCode from 'qrcode';
import type { SheetEntry } from '../../commands/console/invitation-sheet';
import { invitationLink } from '../meeting';

const ROLE_NAMES: Record<string, string> = { secretariat: 'Secretariat', head: 'Head of delegation', delegate: 'Delegate', observer: 'Observer' };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export async function invitationSheetHtml(meeting: { code: string; title: string }, entries: SheetEntry[], baseUrl: string, issuedAt: Date): Promise<string> {
  const cards = await Promise.all(
    entries.map(async ({ invitation, token }) => {
      const link = invitationLink(baseUrl, token);
      const svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return `<section class="card">
  <div class="qr">${svg}</div>
  <p class="name">${escapeHtml(invitation.name)}</p>
  <p class="role">${escapeHtml(ROLE_NAMES[invitation.role] ?? invitation.role)} · ${escapeHtml(invitation.party)}</p>
  <p class="link">${escapeHtml(link)}</p>
</section>`;
    }),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>Invitations: ${escapeHtml(meeting.code)}</title>
<style>
  body { font-family: "Sarabun", "Noto Sans Lao", "Noto Sans", sans-serif; margin: 1.5cm; color: #111; }
  header { margin-bottom: 1cm; }
  h1 { font-size: 16pt; margin: 0 0 0.2cm; }
  .warning { border: 1px solid #b00; padding: 0.3cm; font-size: 10pt; }
  .cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.6cm; }
  .card { border: 1px dashed #888; padding: 0.4cm; break-inside: avoid; text-align: center; }
  .qr svg { width: 4.2cm; height: 4.2cm; }
  .name { font-weight: bold; margin: 0.2cm 0 0; }
  .role { margin: 0.1cm 0; font-size: 10pt; }
  .link { font-size: 6pt; word-break: break-all; color: #555; }
</style>
</head>
<body>
<header>
  <h1>${escapeHtml(meeting.code)}: ${escapeHtml(meeting.title)}</h1>
  <p class="warning">Each code opens the record as the person named under it: hand each card to that person only.
  These links were made on ${escapeHtml(issuedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC and replace the links these people had before;
  the earlier links no longer open anything. Opening this sheet again makes new links and ends these.</p>
</header>
<main class="cards">
${cards.join('\n')}
</main>
</body>
</html>
`;
}
