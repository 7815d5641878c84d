// What a roster file may be: ceilings that hold before a hostile file costs anything.
export const ROSTER_FILE_LIMITS = {
  /** What an XLSX file may unpack to, all its parts together. */
  inflatedBytes: 16 * 1024 * 1024,
  /** Rows of a file (a regional meeting has 120 people). */
  rows: 5000,
  /** Columns read of each row; a roster has five. */
  columns: 64,
  /** How long reading one file may take (ACCORD_ROSTER_READ_MS). */
  milliseconds: 15_000,
} as const;
