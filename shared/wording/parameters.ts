// What each message of an original's catalog is given (by ./wording), so that a message can use
// only values its caller passes: `say` is typed by this table, and the wording test checks that
// every message of every language uses no placeholder beyond its key's row here. A key without a
// row is given nothing.
import type { WordingKey } from './en';

export const PARAMETERS = {
  meetingNumber: ['n'],
  forDelegation: ['party', 'article'],
  signedOn: ['date', 'time'],
  clockTime: ['time', 'offset'],
  page: ['n', 'of'],
  originalOf: ['party', 'article'],
  version: ['n'],
  howToVerify: ['page'],
  closing: ['venue', 'date', 'originals', 'languages', 'languageCount', 'authenticity', 'authentic', 'authenticCount', 'prevails', 'prevailing'],
  'list.middle': ['list', 'item'],
  'list.end': ['list', 'item'],
} as const satisfies Partial<Record<WordingKey, readonly string[]>>;

type Given = typeof PARAMETERS;

/** The values a message is formatted with: its row's names, or none. */
export type WordingValues<K extends WordingKey> = K extends keyof Given ? [values: Record<Given[K][number], string | number>] : [];
