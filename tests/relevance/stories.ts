// The stories the judged set searches besides the demo stories: a few written to be found or to
// mislead (a Hà Nội story with "410 ha" and "giống", a teacher named Huệ, a story under the
// former province Thừa Thiên Huế), and synthetic stories from the benchmark's generator as noise.
import type { StorySource } from "@/lib/search/documents";

function story(slug: string, fields: Partial<StorySource> & Pick<StorySource, "title" | "province" | "summary">): StorySource {
  const locale = fields.locale ?? "vi";
  return {
    slug,
    locale,
    subjectName: "Nguyễn Văn Mẫu",
    subjectKind: "individual",
    role: "Nông dân",
    movement: "nong-thon-moi",
    field: "nong-nghiep",
    publishedAt: "2024-05-10T00:00:00.000Z",
    cover: "/covers/fixture.svg",
    tags: [],
    url: locale === "vi" ? `/cau-chuyen/${slug}` : `/en/stories/${slug}`,
    year: 2024,
    body: { raw: fields.summary },
    ...fields,
  };
}

export const JUDGED_STORIES: StorySource[] = [
  story("thay-giao-meo-vac-mo-lop-ban-tru", {
    title: "Thầy giáo Vàng Seo Chứ mở lớp bán trú cho học trò Mèo Vạc",
    subjectName: "Vàng Seo Chứ",
    role: "Giáo viên tiểu học",
    province: "ha-giang",
    movement: "xa-hoi-hoc-tap",
    field: "giao-duc",
    summary: "Ở cao nguyên đá Hà Giang, thầy giáo người Mông nấu cơm trưa để học trò ở lại lớp.",
    body: { raw: "Thầy Chứ dạy ở điểm trường Sủng Trà, huyện Mèo Vạc, tỉnh Hà Giang. Mỗi sáng thầy đón học trò ở đầu dốc." },
  }),
  story("htx-che-shan-tuyet-hoang-su-phi", {
    title: "HTX chè Shan tuyết Hoàng Su Phì giữ rừng chè cổ thụ",
    subjectName: "Hợp tác xã chè Shan tuyết Hoàng Su Phì",
    subjectKind: "collective",
    role: "Hợp tác xã",
    province: "ha-giang",
    movement: "doanh-nghiep-hoi-nhap",
    summary: "Ba mươi hộ người Dao ở Hà Giang cùng giữ những cây chè trăm tuổi và bán chè đạt chuẩn OCOP.",
    body: { raw: "Hợp tác xã thu mua búp chè của bà con, sao chè bằng chảo gang và giữ rừng chè cổ thụ." },
  }),
  story("nong-dan-ha-noi-cay-giong-lua-moi-410-ha", {
    title: "Nông dân Phú Xuyên cấy giống lúa mới trên 410 ha",
    province: "ha-noi",
    summary: "Xã ở ngoại thành Hà Nội đưa giống lúa chịu hạn vào 410 ha ruộng, năng suất tăng một phần năm.",
    body: { raw: "Cánh đồng 410 ha ở Phú Xuyên, Hà Nội, được cấy cùng một giống lúa. Bà con giang tay giữ bờ ruộng khi nước lên." },
  }),
  story("ky-su-giam-sat-cao-toc-qua-vung-doi", {
    title: "Kỹ sư Trần Đức Cao giám sát cao tốc qua vùng đồi",
    subjectName: "Trần Đức Cao",
    role: "Kỹ sư giám sát",
    province: "dong-nai",
    movement: "ha-tang-tiet-kiem",
    field: "giao-thong",
    summary: "Người kỹ sư giữ chất lượng từng mét cao tốc qua vùng đồi và tiết kiệm vật liệu.",
  }),
  story("bep-com-0-dong-tp-hcm", {
    title: "Bếp cơm 0 đồng ở TP.HCM nấu cho người bệnh nghèo",
    subjectKind: "collective",
    subjectName: "Bếp cơm 0 đồng phường Chợ Quán",
    role: "Nhóm thiện nguyện",
    province: "ho-chi-minh",
    movement: "vi-nguoi-ngheo",
    field: "y-te",
    summary: "Mỗi ngày, nhóm nấu 500 suất cơm cho bệnh nhân nghèo ở các bệnh viện Sài Gòn.",
    publishedAt: "2025-09-10T00:00:00.000Z",
    year: 2025,
  }),
  story("doi-cuu-ho-thua-thien-hue-mua-lu", {
    title: "Đội cứu hộ thuyền máy cứu dân mùa lũ ở Phong Điền",
    subjectKind: "collective",
    subjectName: "Đội cứu hộ xã Phong Điền",
    role: "Đội cứu hộ",
    province: "thua-thien-hue",
    movement: "vi-nguoi-ngheo",
    summary: "Trong trận lũ năm 2020 ở Thừa Thiên Huế, đội thuyền máy đưa 300 người dân đến nơi an toàn.",
    publishedAt: "2024-11-02T00:00:00.000Z",
  }),
  story("co-le-thi-hue-mo-tu-sach", {
    title: "Cô Lê Thị Huệ mở tủ sách cho trẻ em xóm chài",
    subjectName: "Lê Thị Huệ",
    role: "Giáo viên mầm non",
    province: "nghe-an",
    movement: "xa-hoi-hoc-tap",
    field: "giao-duc",
    summary: "Tủ sách nhỏ của cô giáo Huệ ở Quỳnh Lưu có hơn hai nghìn cuốn sách do bà con góp.",
  }),
  story("giao-vien-thcs-nam-ban-day-tin-hoc", {
    title: "Giáo viên trường THCS Nậm Ban dạy tin học bằng máy cũ",
    subjectName: "Lò Văn Thắng",
    role: "Giáo viên trung học cơ sở",
    province: "lai-chau",
    movement: "xa-hoi-hoc-tap",
    field: "giao-duc",
    summary: "Từ mười máy tính cũ được góp lại, thầy Thắng mở phòng tin học đầu tiên của trường.",
  }),
  story("the-ha-giang-tea-cooperative", {
    locale: "en",
    title: "Hoang Su Phi tea cooperative keeps ancient tea forests alive",
    subjectName: "Hoang Su Phi Shan Tuyet Tea Cooperative",
    subjectKind: "collective",
    role: "Cooperative",
    province: "ha-giang",
    movement: "doanh-nghiep-hoi-nhap",
    summary: "Thirty Dao families in Ha Giang protect century-old tea trees and sell certified OCOP tea.",
  }),
];
