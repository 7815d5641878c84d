// axe-core in the page, judged against WCAG 2.2 A and AA: every violation is kept (for the
// artifact that says what was measured), and the serious and critical ones are returned.
// axe-core is put in a page once and run there as it stands. @axe-core/playwright's builder
// injected it again and finished each run in a second blank page: 2–7 s a scan where axe.run
// itself takes 0.3–0.4 s, the same rules giving the same results (Accord's pages hold no frame).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './browser';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Finding {
  where: string;
  rule: string;
  impact: string;
  nodes: string[];
}

export class AxeTally {
  readonly findings: Finding[] = [];
  /** Each scan's own time, and the time since the previous scan ended (pages, sign-ins, waits). */
  readonly timings: { where: string; ms: number; sinceLast: number }[] = [];
  scans = 0;
  private last = Date.now();

  /** Scans the page as it stands; answers its serious and critical violations. */
  async scan(page: Page, where: string): Promise<Finding[]> {
    // Fonts and late layout settle before colours and sizes are judged.
    await page.evaluate(() => document.fonts.ready);
    const started = Date.now();
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
    // Only violations are reported in full: the same rules run on the same nodes, but axe
    // does not build a selector and an HTML excerpt for every node that passed.
    const results = await page.evaluate(
      (tags) =>
        (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        }),
      TAGS,
    );
    this.timings.push({ where, ms: Date.now() - started, sinceLast: started - this.last });
    this.last = Date.now();
    this.scans += 1;
    const found = results.violations.map((v) => ({
      where,
      rule: v.id,
      impact: v.impact ?? 'unknown',
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
    this.findings.push(...found);
    return found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  }

  /** Writes what was found, every impact, to the test artifacts. */
  save(name: string): void {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const byImpact: Record<string, number> = {};
    for (const f of this.findings) byImpact[f.impact] = (byImpact[f.impact] ?? 0) + 1;
    writeFileSync(`${ARTIFACTS_DIR}/${name}.json`, JSON.stringify({ scans: this.scans, byImpact, findings: this.findings, timings: this.timings }, null, 2));
  }
}
