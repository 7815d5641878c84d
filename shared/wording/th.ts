import { allAuthentic, listOf, nameIn, type Wording } from './wording';

// Thai writes a number word without spaces ("สองฉบับ") and digits between spaces ("11 ฉบับ").
const COUNT = ['', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า', 'สิบ'];

export const th: Wording = {
  recordOfMeeting: 'บันทึกการประชุม',
  meetingNumber: (n) => `ครั้งที่ ${n}`,
  parties: 'ภาคี',
  agenda: 'ระเบียบวาระการประชุม',
  minutes: 'ผลการประชุม',
  actionPoints: 'จุดดำเนินการ',
  responsible: 'ผู้รับผิดชอบ',
  due: 'กำหนดเสร็จ',
  noDue: 'ไม่กำหนด',
  status: 'สถานะ',
  statuses: { open: 'รอดำเนินการ', 'in progress': 'อยู่ระหว่างดำเนินการ', done: 'ดำเนินการแล้วเสร็จ', dropped: 'ยกเลิก' },
  annex: 'ภาคผนวก: รายชื่อผู้เข้าร่วมประชุม',
  cases: {
    annex: 'ภาคผนวกกรณี',
    reference: 'เลขอ้างอิงกรณี',
    stage: 'ขั้นตอน',
    agency: 'หน่วยงานที่รับผิดชอบ',
    nextStep: 'ขั้นตอนต่อไป',
    repatriatedOn: 'ส่งกลับเมื่อ',
    stages: {
      identified: 'คัดแยกแล้ว',
      'nationality-verified': 'พิสูจน์สัญชาติแล้ว',
      'repatriation-agreed': 'ตกลงส่งกลับแล้ว',
      repatriated: 'ส่งกลับแล้ว',
      'reintegration-follow-up': 'ติดตามการคืนสู่สังคม',
      closed: 'ปิดกรณี',
    },
  },
  observers: 'ผู้สังเกตการณ์',
  name: 'ชื่อ-สกุล',
  position: 'ตำแหน่ง',
  agency: 'หน่วยงาน',
  roles: { head: 'หัวหน้าคณะผู้แทน', secretariat: 'ฝ่ายเลขานุการ', delegate: 'ผู้แทน', observer: 'ผู้สังเกตการณ์' },
  forDelegation: (party) => `ในนามคณะผู้แทน${party}`,
  signedOn: (date, time) => `ลงนามทางอิเล็กทรอนิกส์เมื่อ ${date} เวลา ${time}`,
  clockTime: (time, offset) => `${time} น. (UTC${offset})`,
  notSigned: 'ยังไม่ได้ลงนาม',
  key: 'กุญแจ',
  signaturePage: 'หน้าการลงนาม',
  recordHash: 'ค่าแฮชของบันทึก (SHA-256)',
  fingerprint: 'รหัสตรวจสอบบันทึก',
  verifyAt: 'ตรวจสอบได้ที่',
  page: (n, of) => `หน้า ${n} จาก ${of}`,
  draft: 'ร่าง',
  draftNotice: 'ร่าง: ยังไม่ได้ลงนามครบทุกฝ่าย จึงยังไม่ใช่ต้นฉบับ',
  notLocked: 'ยังไม่ได้ล็อก จึงยังไม่มีค่าแฮช',
  originalOf: (party) => `ต้นฉบับของ${party}`,
  version: (n) => `ฉบับที่ ${n}`,
  amends: 'ฉบับนี้แก้ไขบันทึกที่มีค่าแฮช',
  statement: 'ถ้อยแถลงการลงนาม',
  signature: 'ลายมือชื่ออิเล็กทรอนิกส์ (Ed25519)',
  howToVerify: (page) => `ชุดข้อมูลการลงนามของบันทึกนี้แนบอยู่ในไฟล์ PDF นี้ ตรวจสอบว่าหน้าเหล่านี้คือบันทึกที่ทุกฝ่ายลงนามได้โดยสแกนคิวอาร์โค้ด หรือเปิด ${page} แล้วส่งไฟล์นี้`,
  closing: (f) => {
    const langs = (codes: string[]) =>
      listOf(
        codes.map((c) => nameIn(th, c)),
        ' ',
        ' และ',
      );
    const authentic = allAuthentic(f) ? 'ทุกฉบับมีความถูกต้องเท่าเทียมกัน' : `ตัวบท${langs(f.authentic)}มีความถูกต้องเท่าเทียมกัน`;
    const prevail = f.prevailing ? ` ในกรณีที่มีการตีความแตกต่างกัน ให้ถือตัวบท${nameIn(th, f.prevailing)}เป็นเกณฑ์` : '';
    return `ทำ ณ ${f.venue} เมื่อวันที่ ${f.date} เป็นต้นฉบับ${COUNT[f.originals] ?? ` ${f.originals} `}ฉบับ แต่ละฉบับทำเป็น${langs(f.languages)} ${authentic}${prevail}`;
  },
  languageNames: { th: 'ภาษาไทย', lo: 'ภาษาลาว', en: 'ภาษาอังกฤษ', km: 'ภาษาเขมร', my: 'ภาษาเมียนมา', vi: 'ภาษาเวียดนาม', zh: 'ภาษาจีน', ja: 'ภาษาญี่ปุ่น' },
};
