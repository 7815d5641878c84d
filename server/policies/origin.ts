// Whether a request comes from Accord's own pages, decided here for the HTTP API and the
// sync socket alike. A browser sends this site's cookies with whatever another page makes
// it request (a form, an image, a script's fetch, a WebSocket), and SameSite=Strict does not
// stop a page of the same site on another port; so what the browser says about where a
// request comes from (Sec-Fetch-Site, or failing that Origin, against the server's own
// origin) decides whether a cookie may act. A request with neither header is not from a
// browser, and no other site can make one send it (as in Go's CrossOriginProtection).
// Pure: given the headers, no I/O; server/routes/same-origin.ts and server/sync/upgrade.ts ask.

/** What a request says of where it comes from. */
export interface RequestSource {
  /** Sec-Fetch-Site, where the browser sends it. */
  site?: string;
  /** Sec-Fetch-Mode: `navigate` when a person followed a link. */
  mode?: string;
  origin?: string;
  /** The Host the request was sent to. */
  host?: string;
}

/**
 * Whether an Origin is Accord's own: PUBLIC_URL's, or the host the request was sent to (a
 * page elsewhere never has this host in its Origin).
 */
function isOwnOrigin(origin: string, host: string | undefined, publicUrl: string | undefined): boolean {
  if (publicUrl && origin === new URL(publicUrl).origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // "null", or not a URL
  }
}

/** Whether the browser says the request comes from one of Accord's own pages (or from no browser at all). */
export function fromOwnPages(source: RequestSource, publicUrl: string | undefined): boolean {
  if (source.site) return source.site === 'same-origin' || source.site === 'none';
  return source.origin === undefined || isOwnOrigin(source.origin, source.host, publicUrl);
}

/**
 * Whether another page may read with this request's cookie: a link followed from elsewhere
 * may, an image, a script or a fetch from another site may not.
 */
export function mayReadFrom(source: RequestSource, carriesCookie: boolean): boolean {
  const foreign = source.site === 'cross-site' || source.site === 'same-site';
  return !(foreign && source.mode !== 'navigate' && carriesCookie);
}
