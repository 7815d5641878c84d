// The meeting's time zone, a meeting fact: every time in the record, the originals and the
// workspace is shown on the wall clock of the place the delegations met, with its offset.
// It is taken from the venue when the meeting is set up (Vientiane: Asia/Vientiane), and the
// secretariat may change it.
import type { LocalizedText } from './schema';

// Places of the Mekong meetings, in English and in their countries' own scripts.
const PLACES: [RegExp, string][] = [
  [/Vientiane|Luang\s*Prabang|Savannakhet|Champasa|Pakse|Lao\s*PDR|\bLaos\b|ວຽງຈັນ|ຫຼວງພະບາງ|ລາວ|เวียงจันทน์|หลวงพระบาง/iu, 'Asia/Vientiane'],
  [/Phnom\s*Penh|Siem\s*Reap|Battambang|Poipet|Cambodia|ភ្នំពេញ|សៀមរាប|កម្ពុជា|พนมเปญ|เสียมราฐ|กัมพูชา/iu, 'Asia/Phnom_Penh'],
  [/Yangon|Rangoon|Nay\s*Pyi\s*Taw|Naypyidaw|Mandalay|Myawaddy|Myanmar|ရန်ကုန်|နေပြည်တော်|မန္တလေး|မြန်မာ|ย่างกุ้ง|เนปยีดอ|เมียนมา/iu, 'Asia/Yangon'],
  [
    /Ho\s*Chi\s*Minh|Sa[iì]\s*G[oò]n|Da\s*Lat|Đà\s*Lạt|Hanoi|Hà\s*Nội|Da\s*Nang|Đà\s*Nẵng|Viet\s*Nam|Vietnam|Việt\s*Nam|ฮานอย|ดาลัด|เวียดนาม/iu,
    'Asia/Ho_Chi_Minh',
  ],
  [/Bangkok|Chiang\s*Mai|Chiang\s*Rai|Mae\s*Sot|Nong\s*Khai|Thailand|กรุงเทพ|เชียงใหม่|เชียงราย|แม่สอด|หนองคาย|ไทย|ချင်းမိုင်|ဘန်ကောက်|ထိုင်း/iu, 'Asia/Bangkok'],
  [/Kunming|Beijing|China|昆明|北京|中国/iu, 'Asia/Shanghai'],
  [/Tokyo|Japan|東京|日本/iu, 'Asia/Tokyo'],
];

/** Whether the platform knows this IANA time zone name. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zone of the place a venue names, in any of its languages; UTC when none is known. */
export function zoneOfVenue(venue: LocalizedText | undefined): string {
  const texts = Object.values(venue ?? {});
  // The English text first: it names the city the same way every time.
  const ordered = [venue?.en ?? '', ...texts];
  for (const [place, zone] of PLACES) if (ordered.some((text) => place.test(text))) return zone;
  return 'UTC';
}

/** The zone a meeting's times are shown in: its own, or its venue's for a record set up before it was kept. */
export const zoneOf = (facts: { timeZone?: string; venue?: LocalizedText }): string => facts.timeZone ?? zoneOfVenue(facts.venue);
