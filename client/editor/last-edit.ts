// The text this person last typed into, kept so that a refused write can be copied out
// and nothing they typed is lost, whatever the server decided.
import { createStore } from '../app/store';

export interface LastEdit {
  /** Which cell or field, in words the reader knows (agenda item, language). */
  where: string;
  text: string;
}

export const lastEdit = createStore<LastEdit | null>(null);
