// A refused field in the reader's words: "Party 2 (code): 2 to 8 capital letters and
// digits, such as TH", never "parties.1.code: a party code of capitals". The server sends
// where (a dotted path) and what (a code with its values: shared/issues); the field is
// named as the form names it.
import type { Issue } from '../../shared/issues';
import { languageName, translate, type MessageKey, type UiLanguage } from './translate';

const FIELDS: Record<string, MessageKey> = {
  series: 'console.facts.series',
  number: 'console.facts.number',
  code: 'console.facts.code',
  venue: 'console.facts.venue',
  startDate: 'console.facts.startDate',
  endDate: 'console.facts.endDate',
  languages: 'console.facts.languages',
  authenticLanguages: 'console.facts.authentic',
  prevailingLanguage: 'console.facts.prevailing',
  parties: 'console.facts.parties',
  participants: 'console.roster.title',
  agenda: 'agenda.label',
  title: 'issue.field.title',
  name: 'console.accounts.name',
  login: 'console.accounts.login',
  email: 'console.accounts.email',
  party: 'console.roster.party',
  role: 'console.roster.role',
  agency: 'console.roster.agency',
  initialPassword: 'console.accounts.initialPassword',
  password: 'console.signIn.password',
  newPassword: 'console.password.new',
};

// Inside a party: its code, its names, its language.
const PARTY_FIELDS: Record<string, MessageKey> = { code: 'console.facts.partyCode', name: 'console.facts.partyName', language: 'console.facts.partyLanguage' };

/** The field as the form names it: "Series (Thai)", "Party 2: Code". A form may name its own fields (`named`). */
export function fieldName(path: string, language: UiLanguage, named: Record<string, MessageKey> = {}): string {
  const [first = '', second, third, fourth] = path.split('.');
  const say = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const inLanguage = (label: string, code: string | undefined) => (code && /^[a-z]{2,3}/.test(code) ? `${label} (${languageName(code, language)})` : label);
  if (first === 'parties' && second !== undefined && /^\d+$/.test(second)) {
    const party = say('issue.field.party', { number: Number(second) + 1 });
    const part = third ? PARTY_FIELDS[third] : undefined;
    return part ? `${party}: ${inLanguage(say(part), fourth)}` : party;
  }
  if (first === 'participants' && second !== undefined && /^\d+$/.test(second)) return say('issue.field.person', { number: Number(second) + 1 });
  const key = named[first] ?? FIELDS[first];
  if (!key) return path;
  return first === 'series' || first === 'venue' || first === 'title' ? inLanguage(say(key), second) : say(key);
}

/** What is wrong, said in the reader's language with the values the server named. */
function problemText(issue: Pick<Issue, 'code' | 'params' | 'message'>, language: UiLanguage): string {
  const params = Object.fromEntries(
    Object.entries(issue.params ?? {}).map(([name, value]) => [name, name === 'language' && typeof value === 'string' ? languageName(value, language) : value]),
  );
  if (issue.code.startsWith('roster.')) return translate(language, `console.roster.problem.${issue.code.slice('roster.'.length)}` as MessageKey, params);
  const key = `issue.${issue.code}` as MessageKey;
  return key in ISSUE_KEYS ? translate(language, key, params) : issue.message;
}

const ISSUE_KEYS: Record<string, true> = Object.fromEntries(
  [
    'required',
    'too-short',
    'too-long',
    'too-few',
    'too-many',
    'too-small',
    'bad-party-code',
    'bad-date',
    'bad-language',
    'bad-login',
    'bad-email',
    'not-working-language',
    'repeated-party',
    'repeated-language',
    'ends-before-starts',
    'prevailing-not-authentic',
    'not-a-party',
    'observer-in-party',
    'second-head',
    'no-such-agenda-item',
    'language-has-text',
    'invalid',
  ].map((code) => [`issue.${code}`, true]),
);

export const issueMessage = (issue: Issue, language: UiLanguage, named?: Record<string, MessageKey>): string =>
  issue.path ? `${fieldName(issue.path, language, named)}: ${problemText(issue, language)}` : problemText(issue, language);
