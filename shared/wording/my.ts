import { digitsIn } from '../dates';
import { allAuthentic, listOf, nameIn, type Wording } from './wording';

// Myanmar official text counts in Myanmar digits and writes numbers of originals in words.
const COUNT = ['', 'တစ်', 'နှစ်', 'သုံး', 'လေး', 'ငါး', 'ခြောက်', 'ခုနစ်', 'ရှစ်', 'ကိုး', 'တစ်ဆယ်'];
const d = (n: number | string) => digitsIn('my', n);

export const my: Wording = {
  recordOfMeeting: 'အစည်းအဝေး မှတ်တမ်း',
  meetingNumber: (n) => `(${d(n)}) ကြိမ်မြောက် အစည်းအဝေး`,
  parties: 'ပါဝင်သည့် နိုင်ငံများ',
  agenda: 'အစည်းအဝေး အစီအစဉ်',
  minutes: 'အစည်းအဝေး ဆွေးနွေးချက်များ',
  actionPoints: 'ဆောင်ရွက်ရန် အချက်များ',
  responsible: 'တာဝန်ခံ',
  due: 'ပြီးစီးရမည့်ရက်',
  noDue: 'ရက်သတ်မှတ်ထားခြင်း မရှိ',
  status: 'အခြေအနေ',
  statuses: { open: 'ဆောင်ရွက်ရန်', 'in progress': 'ဆောင်ရွက်ဆဲ', done: 'ပြီးစီး', dropped: 'ပယ်ဖျက်' },
  annex: 'နောက်ဆက်တွဲ - တက်ရောက်သူများ စာရင်း',
  cases: {
    annex: 'အမှုနောက်ဆက်တွဲ',
    reference: 'အမှုအမှတ်',
    stage: 'အဆင့်',
    agency: 'တာဝန်ခံဌာန',
    nextStep: 'နောက်တစ်ဆင့်',
    repatriatedOn: 'ပြန်လည်ပို့ဆောင်သည့်နေ့',
    stages: {
      identified: 'ဖော်ထုတ်ပြီး',
      'nationality-verified': 'နိုင်ငံသားအဖြစ် စိစစ်ပြီး',
      'repatriation-agreed': 'ပြန်လည်ပို့ဆောင်ရန် သဘောတူပြီး',
      repatriated: 'ပြန်လည်ပို့ဆောင်ပြီး',
      'reintegration-follow-up': 'လူမှုဘဝ ပြန်လည်ထူထောင်ရေး ဆက်လက်စောင့်ကြည့်',
      closed: 'ပိတ်ပြီး',
    },
  },
  observers: 'လေ့လာသူများ',
  name: 'အမည်',
  position: 'ရာထူး',
  agency: 'ဌာန',
  roles: { head: 'ကိုယ်စားလှယ်အဖွဲ့ ခေါင်းဆောင်', secretariat: 'အတွင်းရေးမှူးအဖွဲ့', delegate: 'ကိုယ်စားလှယ်', observer: 'လေ့လာသူ' },
  forDelegation: (party) => `${party} ကိုယ်စားလှယ်အဖွဲ့ ကိုယ်စား`,
  signedOn: (date, time) => `${date} ${time} တွင် အီလက်ထရောနစ်နည်းဖြင့် လက်မှတ်ရေးထိုးသည်`,
  clockTime: (time, offset) => `${d(time)} နာရီ (UTC${d(offset)})`,
  notSigned: 'လက်မှတ် မရေးထိုးရသေးပါ',
  key: 'သော့',
  signaturePage: 'လက်မှတ်ရေးထိုးသည့် စာမျက်နှာ',
  recordHash: 'မှတ်တမ်း၏ ဟက်ရှ်တန်ဖိုး (SHA-256)',
  fingerprint: 'မှတ်တမ်း စစ်ဆေးရေးကုဒ်',
  verifyAt: 'စစ်ဆေးရန် လိပ်စာ',
  page: (n, of) => `စာမျက်နှာ ${d(n)} / ${d(of)}`,
  draft: 'မူကြမ်း',
  draftNotice: 'မူကြမ်း - နိုင်ငံအားလုံး လက်မှတ်မရေးထိုးရသေးသဖြင့် မူရင်း မဟုတ်ပါ',
  notLocked: 'မပိတ်ရသေးသဖြင့် ဟက်ရှ်တန်ဖိုး မရှိသေးပါ',
  originalOf: (party) => `${party} ၏ မူရင်း`,
  version: (n) => `မူ (${d(n)})`,
  amends: 'ဤမူသည် အောက်ပါ ဟက်ရှ်တန်ဖိုးရှိသော မှတ်တမ်းကို ပြင်ဆင်သည်',
  statement: 'လက်မှတ်ရေးထိုးချက် ထုတ်ပြန်ချက်',
  signature: 'အီလက်ထရောနစ် လက်မှတ် (Ed25519)',
  howToVerify: (page) =>
    `ဤမှတ်တမ်း၏ လက်မှတ်ရေးထိုးထားသော ဒေတာအစုကို ဤ PDF ဖိုင်တွင် ပူးတွဲထားသည်။ ဤစာမျက်နှာများသည် နိုင်ငံအားလုံး လက်မှတ်ရေးထိုးထားသော မှတ်တမ်း ဖြစ်ကြောင်း QR ကုဒ်ကို စကင်ဖတ်၍ သို့မဟုတ် ${page} တွင် ဤဖိုင်ကို တင်၍ စစ်ဆေးနိုင်သည်။`,
  closing: (f) => {
    const langs = (codes: string[]) =>
      listOf(
        codes.map((c) => nameIn(my, c)),
        '၊ ',
        ' နှင့် ',
      );
    const authentic = allAuthentic(f) ? 'စာသားအားလုံးသည် အညီအမျှ အာဏာတည်သည်။' : `${langs(f.authentic)} စာသားများသည် အညီအမျှ အာဏာတည်သည်။`;
    const prevail = f.prevailing ? ` အဓိပ္ပာယ်ကောက်ယူမှု ကွဲလွဲပါက ${nameIn(my, f.prevailing)} စာသားကို အတည်ယူရမည်။` : '';
    return `${f.venue}၌ ${f.date}တွင် ပြုလုပ်သည်။ မူရင်း ${COUNT[f.originals] ?? d(f.originals)} စောင် ပြုလုပ်၍ တစ်စောင်စီကို ${langs(f.languages)} ဖြင့် ရေးသားသည်။ ${authentic}${prevail}`;
  },
  languageNames: { th: 'ထိုင်းဘာသာ', lo: 'လာအိုဘာသာ', en: 'အင်္ဂလိပ်ဘာသာ', km: 'ခမာဘာသာ', my: 'မြန်မာဘာသာ', vi: 'ဗီယက်နမ်ဘာသာ', zh: 'တရုတ်ဘာသာ', ja: 'ဂျပန်ဘာသာ' },
};
