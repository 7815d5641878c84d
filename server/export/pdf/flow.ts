// Pages are filled top to bottom with rows; a row is one or more columns side by side (the
// parallel-language columns are one row per segment), each column a stack of pieces: lines
// of text, gaps, rules, pictures. A row that does not fit continues on the next page, each
// column where it left off, so the languages stay side by side; a piece is never cut.
import type { Doc } from './canvas';

export interface Piece {
  height: number;
  draw(x: number, top: number, width: number): void;
  /** Kept on the same page as the piece after it (a heading and its first line). */
  keepWithNext?: boolean;
}

export interface Column {
  x: number;
  width: number;
  pieces: Piece[];
}

export interface PageBox {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export const gap = (height: number): Piece => ({ height, draw: () => undefined });

export class Flow {
  y: number;
  pages = 0;

  constructor(
    private readonly doc: Doc,
    readonly box: PageBox,
    private readonly layout: 'portrait' | 'landscape',
  ) {
    this.y = box.top;
  }

  get contentWidth(): number {
    return this.box.width - this.box.left - this.box.right;
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', layout: this.layout, margin: 0 });
    this.pages++;
    this.y = this.box.top;
  }

  get atPageTop(): boolean {
    return this.y <= this.box.top;
  }

  /** Vertical space, dropped at the top of a page. */
  space(height: number): void {
    if (!this.atPageTop) this.y = Math.min(this.y + height, this.box.bottom);
  }

  /** Starts a new page unless this much height is left on this one. */
  ensure(height: number): void {
    if (this.y + height > this.box.bottom && !this.atPageTop) this.newPage();
  }

  /** Full-width pieces, in one column. */
  block(pieces: Piece[], options: { keepTogether?: boolean } = {}): void {
    this.row([{ x: this.box.left, width: this.contentWidth, pieces }], options);
  }

  row(columns: Column[], options: { keepTogether?: boolean } = {}): void {
    if (options.keepTogether) this.ensure(Math.max(0, ...columns.map((c) => total(c.pieces))));
    const next = columns.map(() => 0);
    const remaining = () => columns.some((c, i) => next[i]! < c.pieces.length);
    while (remaining()) {
      const room = this.box.bottom - this.y;
      const taken = columns.map((column, i) => fitting(column.pieces, next[i]!, room));
      if (taken.every((n, i) => n === 0 || next[i]! >= columns[i]!.pieces.length)) {
        if (!this.atPageTop) {
          this.newPage();
          continue;
        }
        // Taller than a page: set the first piece of each column anyway.
        taken.forEach((_, i) => (taken[i] = next[i]! < columns[i]!.pieces.length ? 1 : 0));
      }
      let used = 0;
      columns.forEach((column, i) => {
        let top = this.y;
        for (const piece of column.pieces.slice(next[i], next[i]! + taken[i]!)) {
          piece.draw(column.x, top, column.width);
          top += piece.height;
        }
        next[i]! += taken[i]!;
        used = Math.max(used, top - this.y);
      });
      this.y += used;
      if (remaining()) this.newPage();
    }
  }
}

const total = (pieces: Piece[]) => pieces.reduce((sum, p) => sum + p.height, 0);

/** How many pieces from `from` fit in `room`, not ending on a piece kept with its next. */
function fitting(pieces: Piece[], from: number, room: number): number {
  let height = 0;
  let count = 0;
  for (let i = from; i < pieces.length; i++) {
    if (height + pieces[i]!.height > room + 0.01) break;
    height += pieces[i]!.height;
    count++;
  }
  if (from + count < pieces.length) {
    while (count > 0 && pieces[from + count - 1]!.keepWithNext) count--;
  }
  return count;
}
