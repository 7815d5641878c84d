import type { exportEn } from '../en/export';

export const exportVi: { readonly [K in keyof typeof exportEn]: string } = {
  'export.title': 'Xuất biên bản',
  'export.explain':
    'Mỗi Bên một bản gốc: trong bản gốc của mình, Bên đó được nêu tên trước, ngôn ngữ của Bên đó ở cột đầu tiên và Trưởng đoàn của Bên đó ký trước.',
  'export.original': 'Bản gốc',
  'export.originalOf': 'Bản gốc của {party}',
  'export.yours': '(Bên của bạn)',
  'export.pdf': 'Bản gốc PDF',
  'export.pdf.hint': 'Để in và lưu trữ; có đính kèm gói hồ sơ đã ký bên trong.',
  'export.docx': 'Bản gốc Word (DOCX)',
  'export.docx.hint': 'Dành cho Ban Thư ký lưu biên bản bằng Word.',
  'export.bundle': 'Gói hồ sơ đã ký (JSON)',
  'export.bundle.hint': 'Biên bản, bản xác nhận, chữ ký và khóa: xác minh được khi ngoại tuyến.',
  'export.draftWarning': 'Biên bản chưa được tất cả các Bên ký: các tệp sẽ có dấu DỰ THẢO (DRAFT) trên mọi trang.',
  'export.bundleNeedsLock': 'Dự thảo chưa có gói hồ sơ đã ký: gói được tạo khi biên bản được khóa.',
  'export.preparing': 'Đang chuẩn bị {file}…',
  'export.downloading': 'Đang tải {file}: {percent}%',
  'export.saved': 'Đã lưu {file}.',
  'export.cancel': 'Hủy',
  'export.error.forbidden': 'Chỉ Ban Thư ký và các Trưởng đoàn mới được xuất biên bản.',
  'export.error.notLocked': 'Dự thảo chưa có gói hồ sơ đã ký. Hãy khóa biên bản trước, hoặc xuất bản dự thảo PDF hay Word.',
  'export.error.offline': 'Không kết nối được với máy chủ. Hãy kiểm tra kết nối rồi thử lại.',
  'export.error.other': 'Máy chủ xuất tệp không thành công. Hãy thử lại sau giây lát.',
};
