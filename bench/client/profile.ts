// node --import tsx bench/client/profile.ts [--client-dir DIR] [--keystrokes N] [--typists N] [--cpuprofile FILE | --trace FILE] [--profile-phase alone|both]
//
// Where the measured page's main thread spends its time on the GMS 08-size record while 20
// others type and the delegate types. Three phases on one page, each as long as the others:
// the 20 typists alone, the delegate alone, and both. For each, the main thread's CPU time
// (Chromium's ThreadTime, from the DevTools protocol: time the renderer's main thread ran,
// which waiting for a core on a loaded machine does not inflate) and its task time (wall
// time of its tasks, which it does). The delegate's own keystroke costs the difference its
// keystrokes make to that CPU time; whether the page keeps up is the CPU time per second.
// --cpuprofile writes the V8 profile of the "both" phase (summarise it with bench/profile.ts;
// a client built with `vite build --minify false` keeps the functions' names). --trace instead
// records Chromium's own trace of that phase (the renderer's work outside JavaScript too: style,
// layout, paint, commits) and prints the main thread's CPU by kind of work.
//
// Unlike bench:client, no second delegate's page is open: the typists are stock Yjs
// clients in this Node process, so the browser holds only the page measured.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { startServer } from '../lib/processes';
import { ADMIN_TOKEN } from '../lib/rooms';
import { REPO_ROOT } from '../lib/traces';
import { firstItemWithMinutes, launch, open, PROFILES, typists } from './measure';
import { createRecord } from './run';

interface Usage {
  /** Main thread CPU and task wall time, ms. */
  cpuMs: number;
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
}

async function usage(cdp: CDPSession): Promise<Usage> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const m = (name: string) => (metrics.find((x) => x.name === name)?.value ?? Number.NaN) * 1000;
  return { cpuMs: m('ThreadTime'), taskMs: m('TaskDuration'), scriptMs: m('ScriptDuration'), layoutMs: m('LayoutDuration'), styleMs: m('RecalcStyleDuration') };
}

const diff = (a: Usage, b: Usage): Usage => ({
  cpuMs: b.cpuMs - a.cpuMs,
  taskMs: b.taskMs - a.taskMs,
  scriptMs: b.scriptMs - a.scriptMs,
  layoutMs: b.layoutMs - a.layoutMs,
  styleMs: b.styleMs - a.styleMs,
});

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? Number.NaN;

/** Presses `count` keys 1000/rate ms apart and returns each keystroke's keydown → next frame. */
async function typeKeys(page: Page, count: number, everyMs: number): Promise<number[]> {
  await page.evaluate(() => {
    (window as unknown as { __paints: number[] }).__paints = [];
  });
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('x');
    await page.waitForTimeout(everyMs);
  }
  await page.waitForFunction((n) => (window as unknown as { __paints: number[] }).__paints.length >= n, count, { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { __paints: number[] }).__paints);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * Chromium's trace of a phase: writes it to a file (open it in DevTools' Performance panel)
 * and prints the renderer main thread's CPU time by kind of work, each slice's own time
 * (its thread time less that of the slices inside it).
 */
function mainThreadTrace(cdp: CDPSession) {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  return {
    async start() {
      await cdp.send('Tracing.start', {
        categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink,cc,gpu,toplevel',
        transferMode: 'ReportEvents',
      });
    },
    async stop(file: string, keystrokes: number) {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      writeFileSync(file, JSON.stringify({ traceEvents: events }));
      const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
      if (!main) return console.log('no renderer main thread in the trace');
      const slices = events
        .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.tdur !== undefined)
        .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
      const own = new Map<string, number>();
      const open: { end: number; name: string; child: number; tdur: number }[] = [];
      const close = (upTo: number) => {
        while (open.length > 0 && open[open.length - 1]!.end <= upTo) {
          const s = open.pop()!;
          own.set(s.name, (own.get(s.name) ?? 0) + s.tdur - s.child);
          if (open.length > 0) open[open.length - 1]!.child += s.tdur;
        }
      };
      for (const e of slices) {
        close(e.ts);
        open.push({ end: e.ts + e.dur!, name: e.name, child: 0, tdur: e.tdur! });
      }
      close(Number.POSITIVE_INFINITY);
      const total = [...own.values()].reduce((a, b) => a + b, 0);
      console.log(
        `\nRenderer main thread, ${(total / 1000).toFixed(0)} ms of CPU in traced slices (${(total / 1000 / keystrokes).toFixed(1)} ms a keystroke), by own time:`,
      );
      for (const [name, us] of [...own].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'client-dir': { type: 'string' },
      keystrokes: { type: 'string', default: '60' },
      typists: { type: 'string', default: '20' },
      cpuprofile: { type: 'string' },
      trace: { type: 'string' },
      'profile-phase': { type: 'string', default: 'both' },
    },
  });
  const keystrokes = Number(values.keystrokes);
  const everyMs = 100;
  const clientDir = values['client-dir'] ?? join(REPO_ROOT, 'dist/client');
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-client-profile-'));
  const server = await startServer('accord', { dataDir, adminToken: ADMIN_TOKEN, env: { ACCORD_CLIENT_DIR: clientDir } });
  const browser = await launch();
  try {
    const record = await createRecord(server.port, 'gms08', Number(values.typists));
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const { page, cdp, context } = await open(browser, baseUrl, record.reader, PROFILES.loopback!);
    await firstItemWithMinutes(page);
    await page.evaluate(() => {
      const w = window as unknown as { __paints: number[] };
      w.__paints = [];
      document.addEventListener(
        'keydown',
        () => {
          const t0 = performance.now();
          requestAnimationFrame(() => setTimeout(() => w.__paints.push(performance.now() - t0), 0));
        },
        true,
      );
    });
    await page.locator('.cell-text[contenteditable="true"]').first().click();
    await page.keyboard.press('End');
    const phaseMs = keystrokes * everyMs;
    const results: Record<string, { usage: Usage; seconds: number; paints?: number[] }> = {};

    const trace = values.trace ? mainThreadTrace(cdp) : null;
    const startProfile = async (phase: string) => {
      if (values['profile-phase'] !== phase) return;
      if (trace) return trace.start();
      if (!values.cpuprofile) return;
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    };
    const stopProfile = async (phase: string) => {
      if (values['profile-phase'] !== phase) return;
      if (trace && values.trace) return trace.stop(values.trace, keystrokes);
      if (!values.cpuprofile) return;
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
      writeFileSync(values.cpuprofile, JSON.stringify(profile));
    };

    // The delegate alone.
    await startProfile('alone');
    let t = Date.now();
    let u0 = await usage(cdp);
    const alonePaints = await typeKeys(page, keystrokes, everyMs);
    results['delegate alone'] = { usage: diff(u0, await usage(cdp)), seconds: (Date.now() - t) / 1000, paints: alonePaints };
    await stopProfile('alone');

    const typing = typists(`${baseUrl.replace(/^http/, 'ws')}/sync`, record.documentId, record.typists, 200);
    try {
      await page.waitForTimeout(3000);
      // The typists alone.
      t = Date.now();
      u0 = await usage(cdp);
      await page.waitForTimeout(phaseMs);
      results[`${record.typists.length} typists alone`] = { usage: diff(u0, await usage(cdp)), seconds: (Date.now() - t) / 1000 };

      // Both.
      await startProfile('both');
      t = Date.now();
      u0 = await usage(cdp);
      const bothPaints = await typeKeys(page, keystrokes, everyMs);
      results.both = { usage: diff(u0, await usage(cdp)), seconds: (Date.now() - t) / 1000, paints: bothPaints };
      await stopProfile('both');
    } finally {
      typing.stop();
    }
    await context.close();

    console.log('| phase | s | main thread CPU ms/s | task ms/s | script / style / layout ms/s | keystroke → paint p50 / p95 ms |');
    console.log('|---|---|---|---|---|---|');
    for (const [name, r] of Object.entries(results)) {
      const per = (ms: number) => (ms / r.seconds).toFixed(0);
      const p = r.paints ? `${percentile(r.paints, 0.5).toFixed(1)} / ${percentile(r.paints, 0.95).toFixed(1)}` : '';
      console.log(
        `| ${name} | ${r.seconds.toFixed(1)} | ${per(r.usage.cpuMs)} | ${per(r.usage.taskMs)} | ${per(r.usage.scriptMs)} / ${per(r.usage.styleMs)} / ${per(r.usage.layoutMs)} | ${p} |`,
      );
    }
    const alone = results['delegate alone']!;
    const typistsAlone = Object.entries(results)[1]![1];
    const both = results.both!;
    const ownCpu = both.usage.cpuMs - (typistsAlone.usage.cpuMs / typistsAlone.seconds) * both.seconds;
    console.log(
      `\nMain thread CPU per own keystroke: ${(alone.usage.cpuMs / keystrokes).toFixed(1)} ms alone (idle time included), ${(ownCpu / keystrokes).toFixed(1)} ms while the others type (both minus the typists' rate).`,
    );
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
