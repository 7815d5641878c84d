// The service worker keeps the app's own files, so a delegate who reloads while offline
// gets the workspace (and their edits, from IndexedDB) instead of the browser's error page.
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  navigator.serviceWorker.register('/sw.js').catch(() => {
    // Without it the app still works online; only a reload while offline fails.
  });
}
