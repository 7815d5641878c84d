// The export panel's words in English, Thai and Lao, kept beside the panel so that the
// shared catalogs need not change; every catalog has every key.
import { useMemo } from 'react';
import { useStore } from '../../app/store';
import { uiLanguage, type Params, type UiLanguage } from '../../i18n/i18n';

const en = {
  'export.title': 'Export the record',
  'export.explain': 'One original per party: in its own original a party is named first, its language stands in the first column and its head signs first.',
  'export.original': 'Original',
  'export.originalOf': 'Original of {party}',
  'export.yours': '(your party)',
  'export.pdf': 'PDF original',
  'export.pdf.hint': 'To print and file; carries the signed bundle inside.',
  'export.docx': 'Word original (DOCX)',
  'export.docx.hint': 'For secretariats who keep the record in Word.',
  'export.bundle': 'Signed bundle (JSON)',
  'export.bundle.hint': 'The record, statements, signatures and keys: verifies offline.',
  'export.draftWarning': 'The record is not yet signed by every party: the files will be marked DRAFT on every page.',
  'export.bundleNeedsLock': 'A draft has no signed bundle: it is made when the record is locked.',
  'export.preparing': 'Preparing {file}…',
  'export.downloading': 'Downloading {file}: {percent}%',
  'export.saved': '{file} saved.',
  'export.cancel': 'Cancel',
  'export.error.forbidden': 'Only the secretariat and the heads of delegation can export the record.',
  'export.error.notLocked': 'A draft has no signed bundle yet. Lock the record first, or export the PDF or Word draft.',
  'export.error.offline': 'The server cannot be reached. Check your connection and try again.',
  'export.error.other': 'The export failed on the server. Try again in a moment.',
} as const;

export type ExportMessageKey = keyof typeof en;
type Catalog = Record<ExportMessageKey, string>;

const th: Catalog = {
  'export.title': 'ส่งออกบันทึกการประชุม',
  'export.explain': 'ต้นฉบับหนึ่งฉบับต่อหนึ่งฝ่าย: ในต้นฉบับของฝ่ายใด ฝ่ายนั้นจะถูกระบุชื่อก่อน ภาษาของฝ่ายนั้นอยู่ในคอลัมน์แรก และหัวหน้าคณะผู้แทนของฝ่ายนั้นลงนามก่อน',
  'export.original': 'ต้นฉบับ',
  'export.originalOf': 'ต้นฉบับของ{party}',
  'export.yours': '(ฝ่ายของท่าน)',
  'export.pdf': 'ต้นฉบับ PDF',
  'export.pdf.hint': 'สำหรับพิมพ์และจัดเก็บ มีชุดข้อมูลการลงนามแนบอยู่ภายใน',
  'export.docx': 'ต้นฉบับ Word (DOCX)',
  'export.docx.hint': 'สำหรับฝ่ายเลขานุการที่จัดเก็บบันทึกด้วย Word',
  'export.bundle': 'ชุดข้อมูลการลงนาม (JSON)',
  'export.bundle.hint': 'บันทึก ถ้อยแถลง ลายมือชื่อ และกุญแจ ตรวจสอบได้แบบออฟไลน์',
  'export.draftWarning': 'บันทึกยังไม่ได้ลงนามครบทุกฝ่าย ไฟล์จะมีคำว่า ร่าง (DRAFT) ทุกหน้า',
  'export.bundleNeedsLock': 'ร่างบันทึกยังไม่มีชุดข้อมูลการลงนาม จะมีเมื่อล็อกบันทึกแล้ว',
  'export.preparing': 'กำลังจัดทำ {file}…',
  'export.downloading': 'กำลังดาวน์โหลด {file}: {percent}%',
  'export.saved': 'บันทึก {file} แล้ว',
  'export.cancel': 'ยกเลิก',
  'export.error.forbidden': 'เฉพาะฝ่ายเลขานุการและหัวหน้าคณะผู้แทนเท่านั้นที่ส่งออกบันทึกได้',
  'export.error.notLocked': 'ร่างบันทึกยังไม่มีชุดข้อมูลการลงนาม โปรดล็อกบันทึกก่อน หรือส่งออกร่างเป็น PDF หรือ Word',
  'export.error.offline': 'ไม่สามารถติดต่อเซิร์ฟเวอร์ได้ โปรดตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง',
  'export.error.other': 'การส่งออกล้มเหลวที่เซิร์ฟเวอร์ โปรดลองอีกครั้งในอีกสักครู่',
};

const lo: Catalog = {
  'export.title': 'ສົ່ງອອກບົດບັນທຶກກອງປະຊຸມ',
  'export.explain': 'ສະບັບຕົ້ນໜຶ່ງສະບັບຕໍ່ໜຶ່ງຝ່າຍ: ໃນສະບັບຕົ້ນຂອງຝ່າຍໃດ ຝ່າຍນັ້ນຖືກລະບຸຊື່ກ່ອນ ພາສາຂອງຝ່າຍນັ້ນຢູ່ຖັນທຳອິດ ແລະ ຫົວໜ້າຄະນະຜູ້ແທນຂອງຝ່າຍນັ້ນລົງນາມກ່ອນ',
  'export.original': 'ສະບັບຕົ້ນ',
  'export.originalOf': 'ສະບັບຕົ້ນຂອງ {party}',
  'export.yours': '(ຝ່າຍຂອງທ່ານ)',
  'export.pdf': 'ສະບັບຕົ້ນ PDF',
  'export.pdf.hint': 'ສຳລັບພິມ ແລະ ເກັບຮັກສາ ມີຊຸດຂໍ້ມູນການລົງນາມຕິດຄັດຢູ່ພາຍໃນ',
  'export.docx': 'ສະບັບຕົ້ນ Word (DOCX)',
  'export.docx.hint': 'ສຳລັບກອງເລຂາທີ່ເກັບຮັກສາບົດບັນທຶກດ້ວຍ Word',
  'export.bundle': 'ຊຸດຂໍ້ມູນການລົງນາມ (JSON)',
  'export.bundle.hint': 'ບົດບັນທຶກ ຖະແຫຼງການ ລາຍເຊັນ ແລະ ກະແຈ ກວດສອບໄດ້ແບບອອບລາຍ',
  'export.draftWarning': 'ບົດບັນທຶກຍັງບໍ່ທັນໄດ້ລົງນາມຄົບທຸກຝ່າຍ ໄຟລ໌ຈະມີຄຳວ່າ ຮ່າງ (DRAFT) ທຸກໜ້າ',
  'export.bundleNeedsLock': 'ຮ່າງບົດບັນທຶກຍັງບໍ່ມີຊຸດຂໍ້ມູນການລົງນາມ ຈະມີເມື່ອລັອກບົດບັນທຶກແລ້ວ',
  'export.preparing': 'ກຳລັງກະກຽມ {file}…',
  'export.downloading': 'ກຳລັງດາວໂຫຼດ {file}: {percent}%',
  'export.saved': 'ບັນທຶກ {file} ແລ້ວ',
  'export.cancel': 'ຍົກເລີກ',
  'export.error.forbidden': 'ສະເພາະກອງເລຂາ ແລະ ຫົວໜ້າຄະນະຜູ້ແທນເທົ່ານັ້ນທີ່ສົ່ງອອກບົດບັນທຶກໄດ້',
  'export.error.notLocked': 'ຮ່າງບົດບັນທຶກຍັງບໍ່ມີຊຸດຂໍ້ມູນການລົງນາມ ກະລຸນາລັອກບົດບັນທຶກກ່ອນ ຫຼື ສົ່ງອອກຮ່າງເປັນ PDF ຫຼື Word',
  'export.error.offline': 'ບໍ່ສາມາດຕິດຕໍ່ເຊີບເວີໄດ້ ກະລຸນາກວດສອບການເຊື່ອມຕໍ່ ແລ້ວລອງໃໝ່',
  'export.error.other': 'ການສົ່ງອອກລົ້ມເຫຼວຢູ່ເຊີບເວີ ກະລຸນາລອງໃໝ່ໃນອີກບໍ່ດົນ',
};

const catalogs: Record<UiLanguage, Catalog> = { en, th, lo };

export type ExportTranslate = (key: ExportMessageKey, params?: Params) => string;

export function translateExport(language: UiLanguage, key: ExportMessageKey, params?: Params): string {
  const text = catalogs[language][key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function useExportT(): { t: ExportTranslate; language: UiLanguage } {
  const language = useStore(uiLanguage);
  return useMemo(() => ({ t: (key: ExportMessageKey, params?: Params) => translateExport(language, key, params), language }), [language]);
}
