// Ids for agenda items, segments and action points made in the browser: random enough that
// two writers never pick the same one, in the same alphabet the server uses.
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
