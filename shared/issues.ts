// A problem with one field of what someone sent, in a shape both sides share: where (a dotted
// path: "parties.0.code"), the server's English words, and a code with its values so that
// the client says it in the reader's language and names the field as the form does.
import type { z } from 'zod';

export type IssueCode =
  | 'required'
  | 'too-short'
  | 'too-long'
  | 'too-few'
  | 'too-many'
  | 'too-small'
  | 'bad-party-code'
  | 'bad-date'
  | 'bad-language'
  | 'bad-login'
  | 'bad-email'
  // Rules of a meeting (shared/record/meeting-input), each with its own values.
  | 'not-working-language'
  | 'repeated-party'
  | 'repeated-language'
  | 'ends-before-starts'
  | 'prevailing-not-authentic'
  | 'not-a-party'
  | 'observer-in-party'
  | 'second-head'
  | 'no-such-agenda-item'
  | 'language-has-text'
  | 'invalid';

export interface Issue {
  path: string;
  message: string;
  /** An IssueCode, or `roster.<code>` for a roster row's problem (shared/console/roster). */
  code: IssueCode | `roster.${string}`;
  params?: Record<string, string | number>;
}

/** Custom rules name their code and values in the issue's params. */
export const rule = (code: IssueCode, params: Record<string, string | number> = {}) => ({ params: { rule: code, ...params } });

const FORMATS: [RegExp, IssueCode][] = [
  [/\[A-Z\]\[A-Z0-9\]/, 'bad-party-code'],
  [/\\d\{4\}-\\d\{2\}-\\d\{2\}/, 'bad-date'],
  [/\[a-z\]\{2,3\}/, 'bad-language'],
  [/\[A-Za-z0-9\._@\+-\]/, 'bad-login'],
];

type ZodIssue = z.core.$ZodIssue;

function codeOf(issue: ZodIssue): { code: IssueCode; params?: Record<string, string | number> } {
  switch (issue.code) {
    case 'custom': {
      const { rule: code, ...params } = (issue.params ?? {}) as { rule?: IssueCode } & Record<string, string | number>;
      if (!code) return { code: 'invalid' };
      return Object.keys(params).length > 0 ? { code, params } : { code };
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? { code: 'required' } : { code: 'too-short', params: { minimum } };
      if (issue.origin === 'array') return { code: 'too-few', params: { minimum } };
      return { code: 'too-small', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      return issue.origin === 'array' ? { code: 'too-many', params: { maximum } } : { code: 'too-long', params: { maximum } };
    }
    case 'invalid_format': {
      if (issue.format === 'email') return { code: 'bad-email' };
      const pattern = String((issue as { pattern?: unknown }).pattern ?? '');
      return { code: FORMATS.find(([shape]) => shape.test(pattern))?.[1] ?? 'invalid' };
    }
    case 'invalid_type':
      return { code: issue.input === undefined ? 'required' : 'invalid' };
    default:
      return { code: 'invalid' };
  }
}

function issueOf(issue: ZodIssue): Issue {
  return { path: issue.path.map(String).join('.'), message: issue.message, ...codeOf(issue) };
}

export const issuesOf = (error: { issues: ZodIssue[] }): Issue[] => error.issues.map(issueOf);
