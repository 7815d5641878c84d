import { digitsIn } from '../dates';
import { allAuthentic, listOf, nameIn, type Wording } from './wording';

// Khmer official text counts in Khmer digits and writes numbers of originals in words.
const COUNT = ['', 'មួយ', 'ពីរ', 'បី', 'បួន', 'ប្រាំ', 'ប្រាំមួយ', 'ប្រាំពីរ', 'ប្រាំបី', 'ប្រាំបួន', 'ដប់'];
const d = (n: number | string) => digitsIn('km', n);

export const km: Wording = {
  recordOfMeeting: 'កំណត់ហេតុនៃកិច្ចប្រជុំ',
  meetingNumber: (n) => `លើកទី${d(n)}`,
  parties: 'ភាគី',
  agenda: 'របៀបវារៈ',
  minutes: 'លទ្ធផលកិច្ចប្រជុំ',
  actionPoints: 'ចំណុចសកម្មភាព',
  responsible: 'អ្នកទទួលខុសត្រូវ',
  due: 'កាលកំណត់',
  noDue: 'គ្មានកាលកំណត់',
  status: 'ស្ថានភាព',
  statuses: { open: 'មិនទាន់អនុវត្ត', 'in progress': 'កំពុងអនុវត្ត', done: 'បានបញ្ចប់', dropped: 'បានលុបចោល' },
  annex: 'ឧបសម្ព័ន្ធ៖ បញ្ជីឈ្មោះអ្នកចូលរួម',
  cases: {
    annex: 'ឧបសម្ព័ន្ធករណី',
    reference: 'លេខយោងករណី',
    stage: 'ដំណាក់កាល',
    agency: 'ស្ថាប័នទទួលខុសត្រូវ',
    nextStep: 'ជំហានបន្ទាប់',
    repatriatedOn: 'បានបញ្ជូនត្រឡប់នៅថ្ងៃ',
    stages: {
      identified: 'បានកំណត់អត្តសញ្ញាណ',
      'nationality-verified': 'បានផ្ទៀងផ្ទាត់សញ្ជាតិ',
      'repatriation-agreed': 'បានព្រមព្រៀងបញ្ជូនត្រឡប់',
      repatriated: 'បានបញ្ជូនត្រឡប់',
      'reintegration-follow-up': 'តាមដានការធ្វើសមាហរណកម្មឡើងវិញ',
      closed: 'បានបិទ',
    },
  },
  observers: 'អ្នកសង្កេតការណ៍',
  name: 'ឈ្មោះ',
  position: 'មុខតំណែង',
  agency: 'ស្ថាប័ន',
  roles: { head: 'ប្រធានគណៈប្រតិភូ', secretariat: 'លេខាធិការដ្ឋាន', delegate: 'ប្រតិភូ', observer: 'អ្នកសង្កេតការណ៍' },
  forDelegation: (party) => `តំណាងគណៈប្រតិភូនៃ${party}`,
  signedOn: (date, time) => `បានចុះហត្ថលេខាតាមប្រព័ន្ធអេឡិចត្រូនិក ${date} ម៉ោង ${time}`,
  clockTime: (time, offset) => `${d(time)} (UTC${d(offset)})`,
  notSigned: 'មិនទាន់ចុះហត្ថលេខា',
  key: 'សោ',
  signaturePage: 'ទំព័រហត្ថលេខា',
  recordHash: 'តម្លៃហាសនៃកំណត់ហេតុ (SHA-256)',
  fingerprint: 'លេខកូដផ្ទៀងផ្ទាត់កំណត់ហេតុ',
  verifyAt: 'ផ្ទៀងផ្ទាត់នៅ',
  page: (n, of) => `ទំព័រ ${d(n)} នៃ ${d(of)}`,
  draft: 'សេចក្តីព្រាង',
  draftNotice: 'សេចក្តីព្រាង៖ មិនទាន់មានហត្ថលេខាគ្រប់ភាគី ដូច្នេះមិនមែនជាច្បាប់ដើមទេ',
  notLocked: 'មិនទាន់ចាក់សោ ដូច្នេះគ្មានតម្លៃហាសនៅឡើយ',
  originalOf: (party) => `ច្បាប់ដើមរបស់${party}`,
  version: (n) => `កំណែទី${d(n)}`,
  amends: 'កំណែនេះធ្វើវិសោធនកម្មលើកំណត់ហេតុដែលមានតម្លៃហាស',
  statement: 'សេចក្តីថ្លែងការណ៍ហត្ថលេខា',
  signature: 'ហត្ថលេខាអេឡិចត្រូនិក (Ed25519)',
  howToVerify: (page) =>
    `កញ្ចប់ទិន្នន័យដែលបានចុះហត្ថលេខានៃកំណត់ហេតុនេះ ត្រូវបានភ្ជាប់ជាមួយឯកសារ PDF នេះ។ ដើម្បីផ្ទៀងផ្ទាត់ថាទំព័រទាំងនេះគឺជាកំណត់ហេតុដែលគ្រប់ភាគីបានចុះហត្ថលេខា សូមស្កេនកូដ QR ឬបើក ${page} ហើយដាក់ឯកសារនេះ។`,
  closing: (f) => {
    const langs = (codes: string[]) =>
      listOf(
        codes.map((c) => nameIn(km, c)),
        ' ',
        ' និង',
      );
    const authentic = allAuthentic(f) ? 'អត្ថបទទាំងអស់មានតម្លៃគតិយុត្តស្មើគ្នា។' : `អត្ថបទ${langs(f.authentic)}មានតម្លៃគតិយុត្តស្មើគ្នា។`;
    const prevail = f.prevailing ? ` ក្នុងករណីមានការបកស្រាយខុសគ្នា អត្ថបទ${nameIn(km, f.prevailing)}ត្រូវយកជាគោល។` : '';
    return `ធ្វើនៅ${f.venue} ${f.date} ជាច្បាប់ដើមចំនួន${COUNT[f.originals] ?? d(f.originals)}ច្បាប់ ច្បាប់នីមួយៗសរសេរជា${langs(f.languages)}។ ${authentic}${prevail}`;
  },
  languageNames: { th: 'ភាសាថៃ', lo: 'ភាសាឡាវ', en: 'ភាសាអង់គ្លេស', km: 'ភាសាខ្មែរ', my: 'ភាសាមីយ៉ាន់ម៉ា', vi: 'ភាសាវៀតណាម', zh: 'ភាសាចិន', ja: 'ភាសាជប៉ុន' },
};
