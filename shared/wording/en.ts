import { allAuthentic, listOf, nameIn, type Wording } from './wording';

// Country names that are a state's style ("Kingdom of Thailand") take the article in English.
const STYLED_NAME = /^(Kingdom|Republic|Union|United|Socialist|People's|Lao People's|Democratic|Federal|State|Commonwealth|Principality|Sultanate|Islamic)\b/;
const withArticle = (name: string) => (STYLED_NAME.test(name) ? `the ${name}` : name);
const COUNT = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export const en: Wording = {
  recordOfMeeting: 'Record of the Meeting',
  meetingNumber: (n) => `Meeting No. ${n}`,
  parties: 'Parties',
  agenda: 'Agenda',
  minutes: 'Minutes',
  actionPoints: 'Action points',
  responsible: 'Responsible',
  due: 'Due',
  noDue: 'no date set',
  status: 'Status',
  statuses: { open: 'Open', 'in progress': 'In progress', done: 'Done', dropped: 'Dropped' },
  annex: 'Annex: List of participants',
  cases: {
    annex: 'Case annex',
    reference: 'Case reference',
    stage: 'Stage',
    agency: 'Responsible agency',
    nextStep: 'Next step',
    repatriatedOn: 'Repatriated on',
    stages: {
      identified: 'Identified',
      'nationality-verified': 'Nationality verified',
      'repatriation-agreed': 'Repatriation agreed',
      repatriated: 'Repatriated',
      'reintegration-follow-up': 'Reintegration follow-up',
      closed: 'Closed',
    },
  },
  observers: 'Observers',
  name: 'Name',
  position: 'Position',
  agency: 'Agency',
  roles: { head: 'Head of Delegation', secretariat: 'Secretariat', delegate: 'Delegate', observer: 'Observer' },
  forDelegation: (party) => `For the Delegation of ${withArticle(party)}`,
  signedOn: (date, time) => `Signed electronically on ${date} at ${time}`,
  clockTime: (time, offset) => `${time} (UTC${offset})`,
  notSigned: 'Not yet signed',
  key: 'Key',
  signaturePage: 'Signature page',
  recordHash: 'Record hash (SHA-256)',
  fingerprint: 'Record fingerprint',
  verifyAt: 'Verify at',
  page: (n, of) => `page ${n} of ${of}`,
  draft: 'DRAFT',
  draftNotice: 'DRAFT: not signed by every party; this is not an original',
  notLocked: 'not locked: no record hash yet',
  originalOf: (party) => `Original of ${withArticle(party)}`,
  version: (n) => `version ${n}`,
  amends: 'This version amends the record with hash',
  statement: 'Signature statement',
  signature: 'Signature (Ed25519)',
  howToVerify: (page) =>
    `The signed bundle of this record is attached to this PDF. To check that these pages are the record every party signed, scan the QR code, or open ${page} and give it this file.`,
  closing: (f) => {
    const langs = (codes: string[]) =>
      listOf(
        codes.map((c) => nameIn(en, c)),
        ', ',
        ' and ',
      );
    const authentic = allAuthentic(f)
      ? 'All texts are equally authentic.'
      : f.authentic.length === 1
        ? `The ${langs(f.authentic)} text is authentic.`
        : `The ${langs(f.authentic)} texts are equally authentic.`;
    const prevail = f.prevailing ? ` In case of divergence of interpretation, the ${nameIn(en, f.prevailing)} text shall prevail.` : '';
    const each = f.languages.length === 1 ? `in the ${langs(f.languages)} language` : `each in the ${langs(f.languages)} languages`;
    return `Done at ${f.venue} on ${f.date}, in ${COUNT[f.originals] ?? f.originals} originals, ${each}. ${authentic}${prevail}`;
  },
  languageNames: { th: 'Thai', lo: 'Lao', en: 'English', km: 'Khmer', my: 'Myanmar', vi: 'Vietnamese', zh: 'Chinese', ja: 'Japanese' },
};
