import { allAuthentic, listOf, nameIn, type Wording } from './wording';

const COUNT = ['', 'ໜຶ່ງ', 'ສອງ', 'ສາມ', 'ສີ່', 'ຫ້າ', 'ຫົກ', 'ເຈັດ', 'ແປດ', 'ເກົ້າ', 'ສິບ'];

export const lo: Wording = {
  recordOfMeeting: 'ບົດບັນທຶກກອງປະຊຸມ',
  meetingNumber: (n) => `ຄັ້ງທີ ${n}`,
  parties: 'ພາຄີ',
  agenda: 'ວາລະກອງປະຊຸມ',
  minutes: 'ຜົນຂອງກອງປະຊຸມ',
  actionPoints: 'ຈຸດປະຕິບັດງານ',
  responsible: 'ຜູ້ຮັບຜິດຊອບ',
  due: 'ກຳນົດເວລາ',
  noDue: 'ບໍ່ກຳນົດ',
  status: 'ສະຖານະ',
  statuses: { open: 'ລໍຖ້າດຳເນີນການ', 'in progress': 'ກຳລັງດຳເນີນການ', done: 'ສຳເລັດແລ້ວ', dropped: 'ຍົກເລີກ' },
  annex: 'ເອກະສານຊ້ອນທ້າຍ: ລາຍຊື່ຜູ້ເຂົ້າຮ່ວມກອງປະຊຸມ',
  cases: {
    annex: 'ເອກະສານຊ້ອນທ້າຍກໍລະນີ',
    reference: 'ເລກອ້າງອີງກໍລະນີ',
    stage: 'ຂັ້ນຕອນ',
    agency: 'ອົງການຮັບຜິດຊອບ',
    nextStep: 'ຂັ້ນຕອນຕໍ່ໄປ',
    repatriatedOn: 'ສົ່ງກັບວັນທີ',
    stages: {
      identified: 'ກຳນົດຕົວແລ້ວ',
      'nationality-verified': 'ພິສູດສັນຊາດແລ້ວ',
      'repatriation-agreed': 'ຕົກລົງສົ່ງກັບແລ້ວ',
      repatriated: 'ສົ່ງກັບແລ້ວ',
      'reintegration-follow-up': 'ຕິດຕາມການເຊື່ອມໂຍງຄືນສູ່ສັງຄົມ',
      closed: 'ປິດກໍລະນີ',
    },
  },
  observers: 'ຜູ້ສັງເກດການ',
  name: 'ຊື່ ແລະ ນາມສະກຸນ',
  position: 'ຕຳແໜ່ງ',
  agency: 'ໜ່ວຍງານ',
  roles: { head: 'ຫົວໜ້າຄະນະຜູ້ແທນ', secretariat: 'ກອງເລຂາ', delegate: 'ຜູ້ແທນ', observer: 'ຜູ້ສັງເກດການ' },
  forDelegation: (party) => `ຕາງໜ້າຄະນະຜູ້ແທນ ${party}`,
  signedOn: (date, time) => `ລົງນາມທາງເອເລັກໂຕຣນິກ ວັນທີ ${date} ເວລາ ${time}`,
  clockTime: (time, offset) => `${time} ໂມງ (UTC${offset})`,
  notSigned: 'ຍັງບໍ່ທັນລົງນາມ',
  key: 'ກະແຈ',
  signaturePage: 'ໜ້າການລົງນາມ',
  recordHash: 'ຄ່າແຮຊຂອງບົດບັນທຶກ (SHA-256)',
  fingerprint: 'ລະຫັດກວດສອບບົດບັນທຶກ',
  verifyAt: 'ກວດສອບໄດ້ທີ່',
  page: (n, of) => `ໜ້າ ${n} ຈາກ ${of}`,
  draft: 'ຮ່າງ',
  draftNotice: 'ຮ່າງ: ຍັງບໍ່ທັນໄດ້ລົງນາມຄົບທຸກຝ່າຍ ຈຶ່ງຍັງບໍ່ແມ່ນສະບັບຕົ້ນ',
  notLocked: 'ຍັງບໍ່ທັນລັອກ ຈຶ່ງຍັງບໍ່ມີຄ່າແຮຊ',
  originalOf: (party) => `ສະບັບຕົ້ນຂອງ ${party}`,
  version: (n) => `ສະບັບທີ ${n}`,
  amends: 'ສະບັບນີ້ແກ້ໄຂບົດບັນທຶກທີ່ມີຄ່າແຮຊ',
  statement: 'ຖະແຫຼງການລົງນາມ',
  signature: 'ລາຍເຊັນເອເລັກໂຕຣນິກ (Ed25519)',
  howToVerify: (page) => `ຊຸດຂໍ້ມູນການລົງນາມຂອງບົດບັນທຶກນີ້ ຕິດຄັດມາກັບໄຟລ໌ PDF ນີ້ ກວດສອບວ່າໜ້າເຫຼົ່ານີ້ແມ່ນບົດບັນທຶກທີ່ທຸກຝ່າຍລົງນາມ ໂດຍສະແກນຄິວອາໂຄດ ຫຼື ເປີດ ${page} ແລ້ວສົ່ງໄຟລ໌ນີ້`,
  closing: (f) => {
    const langs = (codes: string[]) =>
      listOf(
        codes.map((c) => nameIn(lo, c)),
        ', ',
        ' ແລະ ',
      );
    const authentic = allAuthentic(f) ? 'ທຸກສະບັບມີຄຸນຄ່າເທົ່າທຽມກັນ' : `ສະບັບ${langs(f.authentic)} ມີຄຸນຄ່າເທົ່າທຽມກັນ`;
    const prevail = f.prevailing ? ` ໃນກໍລະນີມີການຕີຄວາມໝາຍແຕກຕ່າງກັນ ໃຫ້ຖືເອົາສະບັບ${nameIn(lo, f.prevailing)}ເປັນຫຼັກ` : '';
    return `ເຮັດທີ່ ${f.venue} ວັນທີ ${f.date} ເປັນສະບັບຕົ້ນ${COUNT[f.originals] ?? ` ${f.originals} `}ສະບັບ ແຕ່ລະສະບັບເປັນ${langs(f.languages)} ${authentic}${prevail}`;
  },
  languageNames: { th: 'ພາສາໄທ', lo: 'ພາສາລາວ', en: 'ພາສາອັງກິດ', km: 'ພາສາຂະເໝນ', my: 'ພາສາມຽນມາ', vi: 'ພາສາຫວຽດນາມ', zh: 'ພາສາຈີນ', ja: 'ພາສາຍີ່ປຸ່ນ' },
};
