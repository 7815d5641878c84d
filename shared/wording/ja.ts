import { allAuthentic, listOf, nameIn, type Wording } from './wording';

const COUNT = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const ja: Wording = {
  recordOfMeeting: '会議議事録',
  meetingNumber: (n) => `第${n}回会議`,
  parties: '当事者',
  agenda: '議題',
  minutes: '議事内容',
  actionPoints: '行動事項',
  responsible: '担当',
  due: '期限',
  noDue: '期限なし',
  status: '状況',
  statuses: { open: '未着手', 'in progress': '実施中', done: '完了', dropped: '中止' },
  annex: '附属書：出席者名簿',
  cases: {
    annex: '事案附属書',
    reference: '事案番号',
    stage: '段階',
    agency: '担当機関',
    nextStep: '次の措置',
    repatriatedOn: '送還日',
    stages: {
      identified: '認定済み',
      'nationality-verified': '国籍確認済み',
      'repatriation-agreed': '送還合意済み',
      repatriated: '送還済み',
      'reintegration-follow-up': '社会復帰の追跡',
      closed: '終結',
    },
  },
  observers: 'オブザーバー',
  name: '氏名',
  position: '役職',
  agency: '所属機関',
  roles: { head: '代表団長', secretariat: '事務局', delegate: '代表', observer: 'オブザーバー' },
  forDelegation: (party) => `${party}代表団のために`,
  signedOn: (date, time) => `${date} ${time}に電子署名`,
  clockTime: (time, offset) => `${time}（UTC${offset}）`,
  notSigned: '未署名',
  key: '鍵',
  signaturePage: '署名ページ',
  recordHash: '議事録のハッシュ値（SHA-256）',
  fingerprint: '議事録の確認コード',
  verifyAt: '確認先',
  page: (n, of) => `${n}／${of}ページ`,
  draft: '草案',
  draftNotice: '草案：全当事者の署名がないため、正本ではありません',
  notLocked: '未確定のため、ハッシュ値はまだありません',
  originalOf: (party) => `${party}の正本`,
  version: (n) => `第${n}版`,
  amends: 'この版は次のハッシュ値の議事録を改正する',
  statement: '署名声明',
  signature: '電子署名（Ed25519）',
  howToVerify: (page) =>
    `この議事録の署名済みデータは本PDFに添付されています。これらのページが全当事者の署名した議事録であることは、QRコードを読み取るか、${page}を開いてこのファイルを提出して確認できます。`,
  closing: (f) => {
    const langs = (codes: string[]) =>
      listOf(
        codes.map((c) => nameIn(ja, c)),
        '、',
        '及び',
      );
    const authentic = allAuthentic(f) ? 'ひとしく正文とする。' : `${langs(f.authentic)}の本文をひとしく正文とする。`;
    const prevail = f.prevailing ? `解釈に相違がある場合には、${nameIn(ja, f.prevailing)}の本文による。` : '';
    return `${f.date}に${f.venue}で、${langs(f.languages)}により本書${COUNT[f.originals] ?? f.originals}通を作成した。${authentic}${prevail}`;
  },
  languageNames: { th: 'タイ語', lo: 'ラオス語', en: '英語', km: 'クメール語', my: 'ミャンマー語', vi: 'ベトナム語', zh: '中国語', ja: '日本語' },
};
