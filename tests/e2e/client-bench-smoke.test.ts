// The client benchmark's harness end to end, so that it does not rot: Accord in its own
// process, two Chromium contexts on CMM 04, a few keystrokes. Nothing here is timed; the
// figures only have to be there.
import { describe, expect, it } from 'vitest';
import { runClientBench } from '../../bench/client/run';

describe('client benchmark harness', () => {
  it('opens an invitation link, sees another delegate type, and measures keystrokes while others type', async () => {
    const rows = await runClientBench({ profiles: ['loopback'], records: ['cmm04'], repeats: 1, keystrokes: 5, log: () => undefined, build: false });
    expect(rows).toHaveLength(1);
    const figures = rows[0]!.figures;
    expect(figures.scriptBytesBeforeEditable).toBeGreaterThan(0);
    expect(figures.bytesBeforeEditable).toBeGreaterThanOrEqual(figures.scriptBytesBeforeEditable);
    expect(figures.editorsMounted).toBeGreaterThan(0);
    for (const value of Object.values(figures)) expect(Number.isFinite(value)).toBe(true);
  }, 180_000);
});
