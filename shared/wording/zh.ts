import { allAuthentic, listOf, nameIn, type Wording } from './wording';

const COUNT = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

export const zh: Wording = {
  recordOfMeeting: '会议纪要',
  meetingNumber: (n) => `第${n}次会议`,
  parties: '各方',
  agenda: '议程',
  minutes: '会议内容',
  actionPoints: '行动事项',
  responsible: '负责方',
  due: '期限',
  noDue: '未定期限',
  status: '状态',
  statuses: { open: '待办', 'in progress': '进行中', done: '已完成', dropped: '已取消' },
  annex: '附件：与会人员名单',
  cases: {
    annex: '个案附件',
    reference: '个案编号',
    stage: '阶段',
    agency: '负责机构',
    nextStep: '下一步',
    repatriatedOn: '遣返日期',
    stages: {
      identified: '已识别',
      'nationality-verified': '已核实国籍',
      'repatriation-agreed': '已商定遣返',
      repatriated: '已遣返',
      'reintegration-follow-up': '重返社会跟进',
      closed: '已结案',
    },
  },
  observers: '观察员',
  name: '姓名',
  position: '职务',
  agency: '单位',
  roles: { head: '代表团团长', secretariat: '秘书处', delegate: '代表', observer: '观察员' },
  forDelegation: (party) => `${party}代表团代表`,
  signedOn: (date, time) => `于${date} ${time}电子签署`,
  clockTime: (time, offset) => `${time}（UTC${offset}）`,
  notSigned: '尚未签署',
  key: '密钥',
  signaturePage: '签署页',
  recordHash: '纪要哈希值（SHA-256）',
  fingerprint: '纪要校验码',
  verifyAt: '核验网址',
  page: (n, of) => `第${n}页，共${of}页`,
  draft: '草案',
  draftNotice: '草案：尚未经各方签署，并非正本',
  notLocked: '尚未锁定，尚无哈希值',
  originalOf: (party) => `${party}正本`,
  version: (n) => `第${n}版`,
  amends: '本版修订以下哈希值的纪要',
  statement: '签署声明',
  signature: '电子签名（Ed25519）',
  howToVerify: (page) => `本纪要经签署的数据包附于本PDF文件中。如需核验本文各页即为各方签署的纪要，请扫描二维码，或打开${page}并提交本文件。`,
  closing: (f) => {
    const langs = (codes: string[]) =>
      listOf(
        codes.map((c) => nameIn(zh, c)),
        '、',
        '和',
      );
    const authentic = allAuthentic(f) ? '各文本同等作准。' : `${langs(f.authentic)}文本同等作准。`;
    const prevail = f.prevailing ? `如对解释发生分歧，以${nameIn(zh, f.prevailing)}文本为准。` : '';
    return `${f.date}订于${f.venue}，一式${COUNT[f.originals] ?? f.originals}份，每份均以${langs(f.languages)}写成。${authentic}${prevail}`;
  },
  languageNames: { th: '泰文', lo: '老挝文', en: '英文', km: '柬埔寨文', my: '缅甸文', vi: '越南文', zh: '中文', ja: '日文' },
};
