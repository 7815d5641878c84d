import { allAuthentic, listOf, nameIn, type Wording } from './wording';

const COUNT = ['', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

export const vi: Wording = {
  recordOfMeeting: 'Biên bản cuộc họp',
  meetingNumber: (n) => `Lần thứ ${n}`,
  parties: 'Các Bên',
  agenda: 'Chương trình nghị sự',
  minutes: 'Nội dung cuộc họp',
  actionPoints: 'Các việc cần thực hiện',
  responsible: 'Bên chịu trách nhiệm',
  due: 'Thời hạn',
  noDue: 'chưa định thời hạn',
  status: 'Tình trạng',
  statuses: { open: 'Chưa thực hiện', 'in progress': 'Đang thực hiện', done: 'Đã hoàn thành', dropped: 'Đã hủy bỏ' },
  annex: 'Phụ lục: Danh sách đại biểu tham dự',
  cases: {
    annex: 'Phụ lục vụ việc',
    reference: 'Số tham chiếu vụ việc',
    stage: 'Giai đoạn',
    agency: 'Cơ quan chịu trách nhiệm',
    nextStep: 'Bước tiếp theo',
    repatriatedOn: 'Ngày hồi hương',
    stages: {
      identified: 'Đã xác định',
      'nationality-verified': 'Đã xác minh quốc tịch',
      'repatriation-agreed': 'Đã thống nhất hồi hương',
      repatriated: 'Đã hồi hương',
      'reintegration-follow-up': 'Theo dõi tái hòa nhập',
      closed: 'Đã đóng',
    },
  },
  observers: 'Quan sát viên',
  name: 'Họ và tên',
  position: 'Chức vụ',
  agency: 'Cơ quan',
  roles: { head: 'Trưởng đoàn', secretariat: 'Thư ký', delegate: 'Đại biểu', observer: 'Quan sát viên' },
  forDelegation: (party) => `Thay mặt Đoàn đại biểu ${party}`,
  signedOn: (date, time) => `Đã ký điện tử ${date}, lúc ${time}`,
  clockTime: (time, offset) => `${time} (UTC${offset})`,
  notSigned: 'Chưa ký',
  key: 'Khóa',
  signaturePage: 'Trang chữ ký',
  recordHash: 'Mã băm của biên bản (SHA-256)',
  fingerprint: 'Mã kiểm tra biên bản',
  verifyAt: 'Kiểm tra tại',
  page: (n, of) => `Trang ${n}/${of}`,
  draft: 'DỰ THẢO',
  draftNotice: 'DỰ THẢO: chưa được tất cả các Bên ký, không phải là bản gốc',
  notLocked: 'chưa khóa, chưa có mã băm',
  originalOf: (party) => `Bản gốc của ${party}`,
  version: (n) => `phiên bản ${n}`,
  amends: 'Phiên bản này sửa đổi biên bản có mã băm',
  statement: 'Nội dung được ký',
  signature: 'Chữ ký điện tử (Ed25519)',
  howToVerify: (page) =>
    `Gói dữ liệu đã ký của biên bản này được đính kèm trong tệp PDF này. Để kiểm tra các trang này đúng là biên bản mà tất cả các Bên đã ký, hãy quét mã QR, hoặc mở ${page} và gửi tệp này.`,
  closing: (f) => {
    const langs = (codes: string[]) =>
      listOf(
        codes.map((c) => nameIn(vi, c)),
        ', ',
        ' và ',
      );
    const authentic = allAuthentic(f) ? 'Các văn bản có giá trị như nhau.' : `Các văn bản bằng ${langs(f.authentic)} có giá trị như nhau.`;
    const prevail = f.prevailing ? ` Trường hợp có sự giải thích khác nhau, văn bản bằng ${nameIn(vi, f.prevailing)} được dùng làm căn cứ.` : '';
    return `Làm tại ${f.venue}, ${f.date}, thành ${COUNT[f.originals] ?? f.originals} bản gốc, mỗi bản bằng ${langs(f.languages)}. ${authentic}${prevail}`;
  },
  languageNames: {
    th: 'tiếng Thái',
    lo: 'tiếng Lào',
    en: 'tiếng Anh',
    km: 'tiếng Khmer',
    my: 'tiếng Myanmar',
    vi: 'tiếng Việt',
    zh: 'tiếng Trung',
    ja: 'tiếng Nhật',
  },
};
