// The QR code to the verify page, drawn as vector squares so it prints sharp at any size.
import QRCode from 'qrcode';
import type { Canvas } from './canvas';
import type { Piece } from './flow';

const QUIET_ZONE = 4;

export function qrPiece(canvas: Canvas, text: string, size: number): Piece {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / (modules.size + QUIET_ZONE * 2);
  return {
    height: size,
    draw: (x, top, width) => {
      const left = x + width - size + QUIET_ZONE * cell;
      const doc = canvas.doc.save().fillColor('#000000');
      for (let row = 0; row < modules.size; row++) {
        // One rectangle per run of dark modules keeps the page's drawing short.
        let col = 0;
        while (col < modules.size) {
          if (!modules.get(row, col)) {
            col++;
            continue;
          }
          const start = col;
          while (col < modules.size && modules.get(row, col)) col++;
          doc.rect(left + start * cell, top + (row + QUIET_ZONE) * cell, (col - start) * cell, cell);
        }
      }
      doc.fill().restore();
    },
  };
}
