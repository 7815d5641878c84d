// The language switch names every interface language in its own script (ไทย, ລາວ, မြန်မာ,
// ខ្មែរ, Tiếng Việt), and in the app's fonts that is five faces, some 100 kB, fetched at the
// first paint of an invitation link: on a hotel's Wi-Fi they took the line from the session
// exchange, the meeting and the record. Until the record is on screen (or the link has
// failed) the names other than the one chosen are drawn in the system's fonts; then the
// app's fonts follow, as before. The words of the record are never held back.
const root = document.documentElement;

/** On an invitation link or a meeting's address, before the first render. */
export function holdSwitchFonts(path: string): void {
  if (!/^\/(join|meetings\/)/.test(path)) return;
  root.dataset.switchFonts = 'system';
  // Whatever happens to the record, the switch is not left in other fonts for long.
  setTimeout(releaseSwitchFonts, 10_000);
}

export function releaseSwitchFonts(): void {
  delete root.dataset.switchFonts;
}
