// Whether a request comes from Accord's own pages, for the API and the sync socket alike:
// what the browser says (Sec-Fetch-Site, else Origin against the host or PUBLIC_URL) decides.
import { describe, expect, it } from 'vitest';
import { fromOwnPages, mayReadFrom } from '../../../server/policies/origin';

const HOST = 'accord.example:8787';

describe('the origin policy', () => {
  it('takes the browser’s word from Sec-Fetch-Site first: same-origin and typed addresses pass, other sites do not', () => {
    expect(fromOwnPages({ site: 'same-origin', origin: 'https://evil.example', host: HOST }, undefined)).toBe(true);
    expect(fromOwnPages({ site: 'none', host: HOST }, undefined)).toBe(true);
    expect(fromOwnPages({ site: 'same-site', origin: `http://${HOST}`, host: HOST }, undefined)).toBe(false);
    expect(fromOwnPages({ site: 'cross-site', host: HOST }, undefined)).toBe(false);
  });

  it('without it, compares Origin with the host asked for, or PUBLIC_URL; no header at all is no browser', () => {
    expect(fromOwnPages({ origin: `http://${HOST}`, host: HOST }, undefined)).toBe(true);
    expect(fromOwnPages({ origin: 'http://accord.example:18799', host: HOST }, undefined)).toBe(false);
    expect(fromOwnPages({ origin: 'https://minutes.example.org', host: '127.0.0.1:8787' }, 'https://minutes.example.org')).toBe(true);
    expect(fromOwnPages({ origin: 'null', host: HOST }, undefined)).toBe(false);
    expect(fromOwnPages({ host: HOST }, undefined)).toBe(true);
  });

  it('lets another page read with the cookie only by a link followed', () => {
    expect(mayReadFrom({ site: 'cross-site', mode: 'navigate' }, true)).toBe(true);
    expect(mayReadFrom({ site: 'cross-site', mode: 'cors' }, true)).toBe(false);
    expect(mayReadFrom({ site: 'same-site', mode: 'no-cors' }, true)).toBe(false);
    expect(mayReadFrom({ site: 'cross-site', mode: 'cors' }, false)).toBe(true);
    expect(mayReadFrom({ site: 'same-origin', mode: 'cors' }, true)).toBe(true);
  });
});
