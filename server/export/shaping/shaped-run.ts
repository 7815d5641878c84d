// A run shaped once, then cut into lines. HarfBuzz marks the glyphs before which the text
// may not be cut without shaping again (a Myanmar cluster reordered across the cut, a
// kerning pair); a line that starts or ends at such a place is shaped again on its own,
// anywhere else its glyphs are the run's own, exactly as HarfBuzz would give them for the line.
import type { Face } from '../fonts';
import { shape, type Glyph, type ShapeProps } from './harfbuzz';
import { directionOf } from './scripts';

export class ShapedRun {
  readonly glyphs: readonly Glyph[];
  /** Index of the first glyph of the cluster starting at each UTF-16 offset. */
  private readonly clusterStart = new Map<number, number>();
  /** Sum of the advances of the glyphs before each glyph, in font units. */
  private readonly before: number[] = [0];

  constructor(
    readonly text: string,
    readonly face: Face,
    readonly props: ShapeProps,
  ) {
    this.glyphs = shape(text, face, props);
    this.glyphs.forEach((glyph, i) => {
      if (!this.clusterStart.has(glyph.cluster)) this.clusterStart.set(glyph.cluster, i);
      this.before.push(this.before[i]! + glyph.xAdvance);
    });
  }

  /** The glyphs that set text[from, to), clusters counted from `from`. */
  glyphsOf(from: number, to: number): readonly Glyph[] {
    const span = this.span(from, to);
    if (span) return from === 0 ? this.glyphs.slice(span[0], span[1]) : this.glyphs.slice(span[0], span[1]).map((g) => ({ ...g, cluster: g.cluster - from }));
    return shape(this.text.slice(from, to), this.face, this.props);
  }

  /** The advance of text[from, to), in font units. */
  advanceOf(from: number, to: number): number {
    const span = this.span(from, to);
    if (span) return this.before[span[1]]! - this.before[span[0]]!;
    return shape(this.text.slice(from, to), this.face, this.props).reduce((sum, g) => sum + g.xAdvance, 0);
  }

  /** The glyph indices [first, end) of text[from, to), when both ends are safe places to cut. */
  private span(from: number, to: number): [number, number] | null {
    if (from >= to) return [0, 0];
    const first = this.cut(from);
    const end = this.cut(to);
    return first === null || end === null ? null : [first, end];
  }

  private cut(at: number): number | null {
    if (at === 0) return 0;
    if (at >= this.text.length) return this.glyphs.length;
    const index = this.clusterStart.get(at);
    if (index === undefined || this.glyphs[index]!.unsafeToBreak) return null;
    // Clusters run forward only left to right: a right-to-left run is shaped again.
    return directionOf(this.props.script) === 'rtl' ? null : index;
  }
}
