// What a delegate feels, measured in real Chromium (Debian's, through playwright-core) on
// one network profile: the bytes and the time from the invitation link to a cell they can
// type in, how long another delegate's keystroke takes to reach their screen, the tab's
// JavaScript heap, switching agenda items, and how long their own keystroke takes to be
// painted while others type, beside the same keystrokes on a bare page (the measure's
// floor). Network conditions come from the DevTools protocol.
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { agenda, agendaItemId, segmentCells, segmentsOf } from '../../shared/record/schema';
import { floorOfTheMeasure, summarise, typeAndTime, type PaintFigures } from './keystroke-paint';

export interface NetworkProfile {
  name: string;
  /** Round-trip latency added, ms; throughput in bytes per second (0: unthrottled). */
  latencyMs: number;
  downloadBytesPerSecond: number;
  uploadBytesPerSecond: number;
}

export const PROFILES: Record<string, NetworkProfile> = {
  loopback: { name: 'loopback', latencyMs: 0, downloadBytesPerSecond: 0, uploadBytesPerSecond: 0 },
  // A hotel's Wi-Fi in Vientiane: 1.5 Mbps down, 750 kbps up, 300 ms round trip.
  hotel: { name: 'hotel Wi-Fi', latencyMs: 300, downloadBytesPerSecond: 1_500_000 / 8, uploadBytesPerSecond: 750_000 / 8 },
};

export interface RecordUnderTest {
  name: string;
  documentId: string;
  /** The delegate whose browser is measured, and another in a second browser. */
  reader: string;
  other: string;
  /** Tokens for the stock clients that type meanwhile. */
  typists: string[];
}

export interface ClientFigures {
  bytesBeforeEditable: number;
  scriptBytesBeforeEditable: number;
  linkToEditableMs: number;
  otherKeystrokeSeenMs: number;
  switchItemMs: number;
  heapMb: number;
  keystrokeToPaintP50Ms: number;
  keystrokeToPaintP95Ms: number;
  /** Share of own keystrokes shown in the first frame after their keydown (0 to 1). */
  nextFrameShare: number;
  /** Frames missed by a keystroke, 95th percentile. */
  framesLateP95: number;
  /** The same keystrokes into a bare page with one contenteditable, at the same moment: the measure's floor. */
  floorP50Ms: number;
  floorP95Ms: number;
  floorNextFrameShare: number;
  /** Editors mounted on the first item's screen. */
  editorsMounted: number;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A minutes cell one can type in. */
const EDITABLE = '.cell-text[contenteditable="true"]';
/** Anything on the first screen one can type in: a minutes cell, or the agenda item's title. */
export const FIRST_EDITABLE = `${EDITABLE}, .item-title textarea:not([disabled])`;

export async function emulate(page: Page, profile: NetworkProfile): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  if (profile.latencyMs > 0 || profile.downloadBytesPerSecond > 0)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latencyMs,
      downloadThroughput: profile.downloadBytesPerSecond || -1,
      uploadThroughput: profile.uploadBytesPerSecond || -1,
    });
  return cdp;
}

/** Opens an invitation link in a fresh browser context (empty cache, as on a borrowed laptop). */
export async function open(browser: Browser, baseUrl: string, token: string, profile: NetworkProfile) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await emulate(page, profile);
  const bytes = { all: 0, script: 0 };
  const scripts = new Set<string>();
  cdp.on('Network.responseReceived', (e: { requestId: string; type: string }) => {
    if (e.type === 'Script') scripts.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    bytes.all += e.encodedDataLength;
    if (scripts.has(e.requestId)) bytes.script += e.encodedDataLength;
  });
  cdp.on('Network.webSocketFrameReceived', (e: { response: { payloadData: string } }) => {
    bytes.all += Math.ceil((e.response.payloadData.length * 3) / 4);
  });
  const started = Date.now();
  // Not awaiting the page's load event: fonts the page asks for after its first screen (the
  // language switch's, say) hold that event back without holding back the first editable cell.
  await page.goto(`${baseUrl}/join#${token}`, { waitUntil: 'commit' });
  await page.locator(FIRST_EDITABLE).first().waitFor({ timeout: 120_000 });
  await page.locator('[data-link="connected"]').waitFor({ timeout: 120_000 });
  return { context, page, cdp, linkToEditableMs: Date.now() - started, bytes: { ...bytes } };
}

/** Shows the first agenda item that has minutes (CMM 04 opens on an item without). */
export async function firstItemWithMinutes(page: Page): Promise<number> {
  const items = page.locator('.agenda li');
  for (let i = 0; i < (await items.count()); i++) {
    await items.nth(i).locator('button').click();
    if (
      await page
        .locator(EDITABLE)
        .first()
        .isVisible({ timeout: 2000 })
        .catch(() => false)
    )
      return i;
    await page
      .locator(EDITABLE)
      .first()
      .waitFor({ timeout: 1000 })
      .catch(() => undefined);
    if ((await page.locator(EDITABLE).count()) > 0) return i;
  }
  throw new Error('no agenda item has minutes');
}

/** Stock clients typing a character each into the record's cells, every `everyMs`, until stopped. */
export function typists(wsUrl: string, documentId: string, tokens: string[], everyMs: number) {
  const clients = tokens.map((token) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(wsUrl, documentId, doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    return { doc, provider };
  });
  let n = 0;
  const timer = setInterval(() => {
    for (const [i, { doc, provider }] of clients.entries()) {
      if (!provider.synced) continue;
      const items = agenda(doc);
      if (items.length === 0) continue;
      const withMinutes = items
        .toArray()
        .map((it) => segmentsOf(doc, agendaItemId(it)))
        .filter((s) => s && s.length > 0);
      const segments = withMinutes[0];
      if (!segments) continue;
      const cells = segmentCells(segments.get((i * 7 + n) % segments.length));
      const fragment = [...cells.values()][0];
      const paragraph = fragment?.get(0);
      const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
      if (text instanceof Y.XmlText) text.insert(text.length, 'ก');
    }
    n++;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      for (const { doc, provider } of clients) {
        provider.destroy();
        doc.destroy();
      }
    },
  };
}

/** Everything above, for one record on one profile. */
export async function measureClient(
  browser: Browser,
  baseUrl: string,
  record: RecordUnderTest,
  profile: NetworkProfile,
  keystrokes: number,
): Promise<ClientFigures> {
  const reader = await open(browser, baseUrl, record.reader, profile);
  const other = await open(browser, baseUrl, record.other, profile);
  try {
    const { page } = reader;
    const item = await firstItemWithMinutes(page);
    await firstItemWithMinutes(other.page);
    const editorsMounted = await page.locator(EDITABLE).count();

    // Another delegate's keystroke, from their key press to this screen.
    const mark = `«${Date.now() % 100000}»`;
    // No named functions inside what runs in the page: tsx would wrap them in a helper the page lacks.
    const seen = page.evaluate(
      (m) =>
        new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.body.innerText.includes(m)) {
              observer.disconnect();
              resolve(Date.now());
            }
          });
          observer.observe(document.body, { subtree: true, characterData: true, childList: true });
        }),
      mark,
    );
    const target = other.page.locator(EDITABLE).first();
    await target.click({ timeout: 120_000 });
    await other.page.keyboard.press('Control+End');
    const pressed = Date.now();
    await other.page.keyboard.insertText(mark); // one input, one update
    const otherKeystrokeSeenMs = (await seen) - pressed;

    // Switching to another agenda item and back.
    const elsewhere = item === 0 ? 1 : 0;
    const switchStarted = Date.now();
    await page.locator('.agenda li').nth(elsewhere).locator('button').click();
    await page
      .locator('.item-heading h2')
      .filter({ hasText: String(elsewhere + 1) })
      .waitFor();
    const switchItemMs = Date.now() - switchStarted;
    await page.locator('.agenda li').nth(item).locator('button').click();
    await page.locator(EDITABLE).first().waitFor();

    // Own keystrokes while others type: from keydown to the frame after the change; then the
    // same keystrokes into a bare page in this browser while the same typists type: the floor.
    const typing = typists(`${baseUrl.replace(/^http/, 'ws')}/sync`, record.documentId, record.typists, 200);
    let paints: PaintFigures;
    let floor: PaintFigures;
    try {
      paints = summarise(await typeAndTime(page, EDITABLE, keystrokes));
      floor = await floorOfTheMeasure(browser, keystrokes);
    } finally {
      typing.stop();
    }
    const metrics = (await reader.cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    return {
      bytesBeforeEditable: reader.bytes.all,
      scriptBytesBeforeEditable: reader.bytes.script,
      linkToEditableMs: reader.linkToEditableMs,
      otherKeystrokeSeenMs,
      switchItemMs,
      heapMb: heap / 2 ** 20,
      keystrokeToPaintP50Ms: paints.p50Ms,
      keystrokeToPaintP95Ms: paints.p95Ms,
      nextFrameShare: paints.nextFrameShare,
      framesLateP95: paints.framesLateP95,
      floorP50Ms: floor.p50Ms,
      floorP95Ms: floor.p95Ms,
      floorNextFrameShare: floor.nextFrameShare,
      editorsMounted,
    };
  } finally {
    await reader.context.close();
    await other.context.close();
  }
}
