// The parties these meetings are held between, with their names in every interface
// language and the language each works in, so the secretariat picks a party by its name
// instead of typing codes. Names as the governments write them; Thai and Lao as in the
// reference meetings (../fixtures). A meeting may still name a party that is not here.
import type { LocalizedText } from './record/schema';

export interface KnownParty {
  code: string;
  language: string;
  name: LocalizedText;
}

export const KNOWN_PARTIES: readonly KnownParty[] = [
  {
    code: 'TH',
    language: 'th',
    name: {
      th: 'ราชอาณาจักรไทย',
      lo: 'ລາຊະອານາຈັກໄທ',
      my: 'ထိုင်းနိုင်ငံတော်',
      km: 'ព្រះរាជាណាចក្រថៃ',
      vi: 'Vương quốc Thái Lan',
      en: 'Kingdom of Thailand',
    },
  },
  {
    code: 'LA',
    language: 'lo',
    name: {
      th: 'สาธารณรัฐประชาธิปไตยประชาชนลาว',
      lo: 'ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ',
      my: 'လာအိုပြည်သူ့ဒီမိုကရက်တစ်သမ္မတနိုင်ငံ',
      km: 'សាធារណរដ្ឋប្រជាធិបតេយ្យប្រជាមានិតឡាវ',
      vi: 'Cộng hòa Dân chủ Nhân dân Lào',
      en: "Lao People's Democratic Republic",
    },
  },
  {
    code: 'MM',
    language: 'my',
    name: {
      th: 'สาธารณรัฐแห่งสหภาพเมียนมา',
      lo: 'ສາທາລະນະລັດແຫ່ງສະຫະພາບມຽນມາ',
      my: 'ပြည်ထောင်စုသမ္မတမြန်မာနိုင်ငံတော်',
      km: 'សាធារណរដ្ឋសហភាពមីយ៉ាន់ម៉ា',
      vi: 'Cộng hòa Liên bang Myanmar',
      en: 'Republic of the Union of Myanmar',
    },
  },
  {
    code: 'KH',
    language: 'km',
    name: {
      th: 'ราชอาณาจักรกัมพูชา',
      lo: 'ພະລາຊະອານາຈັກກຳປູເຈຍ',
      my: 'ကမ္ဘောဒီးယားနိုင်ငံတော်',
      km: 'ព្រះរាជាណាចក្រកម្ពុជា',
      vi: 'Vương quốc Campuchia',
      en: 'Kingdom of Cambodia',
    },
  },
  {
    code: 'VN',
    language: 'vi',
    name: {
      th: 'สาธารณรัฐสังคมนิยมเวียดนาม',
      lo: 'ສາທາລະນະລັດສັງຄົມນິຍົມຫວຽດນາມ',
      my: 'ဗီယက်နမ်ဆိုရှယ်လစ်သမ္မတနိုင်ငံ',
      km: 'សាធារណរដ្ឋសង្គមនិយមវៀតណាម',
      vi: 'Cộng hòa Xã hội Chủ nghĩa Việt Nam',
      en: 'Socialist Republic of Viet Nam',
    },
  },
  {
    code: 'CN',
    language: 'zh',
    name: {
      th: 'สาธารณรัฐประชาชนจีน',
      lo: 'ສາທາລະນະລັດ ປະຊາຊົນຈີນ',
      my: 'တရုတ်ပြည်သူ့သမ္မတနိုင်ငံ',
      km: 'សាធារណរដ្ឋប្រជាមានិតចិន',
      vi: 'Cộng hòa Nhân dân Trung Hoa',
      en: "People's Republic of China",
      zh: '中华人民共和国',
    },
  },
];

/** The working languages a meeting of this region may use, in the order the console offers them. */
export const REGION_LANGUAGES = ['th', 'lo', 'my', 'km', 'vi', 'en', 'zh'] as const;

export const knownParty = (code: string) => KNOWN_PARTIES.find((p) => p.code === code);

/** A party's name in the reader's language, as the meeting names it, else as Accord knows it, else its code. */
export function partyName(code: string, language: string, named?: LocalizedText): string {
  const names = named && Object.values(named).some(Boolean) ? named : knownParty(code)?.name;
  if (!names) return code;
  return names[language] || names.en || Object.values(names).find(Boolean) || code;
}
