// What a new contest starts with unless the secretariat says otherwise: the five categories of
// the national contest with their limits, the rules text and the title. The demo seed and the
// secretariat's "new contest" both use them.
import type { CategoryCode, LengthUnit } from "./vocabulary";

const MB = 1024 * 1024;

export type CategorySeed = { code: CategoryCode; name: { vi: string; en: string }; unit: LengthUnit; maxLength: number; acceptedTypes: string[]; maxFileBytes: number; maxFiles: number; requiresUrl?: boolean };

export const STANDARD_CATEGORIES: CategorySeed[] = [
  { code: "print", name: { vi: "Báo in", en: "Print" }, unit: "words", maxLength: 5000, acceptedTypes: ["application/pdf", "image/jpeg", "image/png", "image/webp"], maxFileBytes: 20 * MB, maxFiles: 10 },
  { code: "online", name: { vi: "Báo điện tử", en: "Online" }, unit: "words", maxLength: 5000, acceptedTypes: ["application/pdf", "image/jpeg", "image/png", "image/webp"], maxFileBytes: 20 * MB, maxFiles: 10, requiresUrl: true },
  { code: "radio", name: { vi: "Phát thanh", en: "Radio" }, unit: "minutes", maxLength: 30, acceptedTypes: ["audio/mpeg", "audio/mp4"], maxFileBytes: 200 * MB, maxFiles: 5 },
  { code: "television", name: { vi: "Truyền hình", en: "Television" }, unit: "minutes", maxLength: 30, acceptedTypes: ["video/mp4"], maxFileBytes: 1024 * MB, maxFiles: 5 },
  { code: "photo", name: { vi: "Ảnh báo chí", en: "Photo" }, unit: "photos", maxLength: 10, acceptedTypes: ["image/jpeg", "image/png", "image/webp"], maxFileBytes: 20 * MB, maxFiles: 10 },
];

export const STANDARD_RULES = {
  vi: `Cuộc thi dành cho tác phẩm báo chí viết về gương người tốt, việc tốt, các điển hình tiên tiến trong phong trào thi đua yêu nước, đã đăng, phát trên các cơ quan báo chí Việt Nam trong thời gian quy định.

Mỗi tác phẩm là một bài hoặc một loạt bài (tối đa 5 kỳ). Mỗi tác giả (kể cả đồng tác giả) gửi tối đa 3 tác phẩm. Tác phẩm phải ghi rõ tên thật của tác giả; bút danh ghi kèm nếu có.

Tác phẩm gửi qua cổng trực tuyến này kèm bản chụp, tệp âm thanh, video hoặc ảnh theo từng thể loại. Tác giả có thể sửa hoặc rút tác phẩm cho đến hạn chót. Tổ Thư ký xét tính hợp lệ trước khi chuyển Ban Giám khảo chấm sơ khảo và chung khảo.`,
  en: `The contest is for journalism about good people, good deeds and exemplary models in the patriotic emulation movement, published or broadcast by Vietnamese media outlets within the set period.

An entry is a single work or a series (up to 5 parts). Each author (co-authors included) may enter at most 3 works. Entries give the authors' real names; pen names may be added.

Entries are sent through this portal with the scans, audio, video or photos each category asks for. Authors can edit or withdraw their entries until the deadline. The secretariat checks eligibility before the jury scores the preliminary and final rounds.`,
};

export const contestTitle = (year: number) => ({
  vi: `Cuộc thi báo chí viết về gương người tốt, việc tốt, các điển hình tiên tiến năm ${year}`,
  en: `${year} journalism contest on good people, good deeds and exemplary models`,
});
