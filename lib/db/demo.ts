// The demo's people and its preliminary round, as plain data: the seed (lib/db/seed.ts) writes
// them, and the end-to-end tests read them (e.g. to check that a blind page never names an
// author). No imports, so any test runner can load it.
import type { Role } from "./schema";

export type DemoAccount = { email: string; name: string; role: Role; outlet?: string; penNames?: string[] };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "thuky@lantoa.test", name: "Nguyễn Thị Thư", role: "secretariat" },
  { email: "giamkhao1@lantoa.test", name: "Trần Văn Khảo", role: "juror" },
  { email: "giamkhao2@lantoa.test", name: "Lê Thị Bình", role: "juror" },
  { email: "giamkhao3@lantoa.test", name: "Phạm Minh Chấm", role: "juror" },
  // Verifies public nominations (the editors' queue).
  { email: "bientap@lantoa.test", name: "Đặng Thu Trang", role: "editor" },
  { email: "phongvien1@lantoa.test", name: "Đỗ Thu Hà", role: "journalist", outlet: "Báo Nhân Dân", penNames: ["Thu Hà"] },
  { email: "phongvien2@lantoa.test", name: "Hoàng Văn Nam", role: "journalist", outlet: "Đài Tiếng nói Việt Nam", penNames: ["Nam Hoàng"] },
  // Her entries fill the preliminary round so each demo juror has two or three to score.
  { email: "phongvien3@lantoa.test", name: "Vũ Thị Lan", role: "journalist", outlet: "Báo Lao Động", penNames: ["Lan Vũ"] },
  // The 2025 contest's prize-winners are by phongvien4–7, at four outlets (the results page's demo).
  { email: "phongvien4@lantoa.test", name: "Trịnh Quang Huy", role: "journalist", outlet: "Báo Quân đội nhân dân", penNames: ["Quang Huy"] },
  // A photojournalist and a radio reporter: the 2026 round's photo series and radio report.
  { email: "phongvien5@lantoa.test", name: "Lý Thị Mai", role: "journalist", outlet: "Báo Ảnh Việt Nam", penNames: ["Lý Mai"] },
  { email: "phongvien6@lantoa.test", name: "Nguyễn Đức Tài", role: "journalist", outlet: "Đài Phát thanh và Truyền hình Nghệ An", penNames: ["Đức Tài"] },
  // A print reporter: the 2026 round's printed article.
  { email: "phongvien7@lantoa.test", name: "Bùi Thanh Hương", role: "journalist", outlet: "Báo Tuổi Trẻ", penNames: ["Thanh Hương"] },
];

/** The 2025 contest's published results, one prize-winner per line, each by its author (e-mail) at their outlet. */
export const DEMO_RESULTS_YEAR = 2025;
export const DEMO_WINNERS: { code: string; category: "print" | "online" | "radio" | "photo"; tier: "A" | "B" | "C" | "encouragement"; title: string; summary: string; author: string; outlet: string; publishedAt: string }[] = [
  { code: "BC2025-0003", category: "online", tier: "A", title: "Những người thắp sáng bản làng", summary: "Loạt bài về các kỹ sư trẻ kéo điện lưới về những bản cuối cùng của Điện Biên.", author: "phongvien4@lantoa.test", outlet: "Báo Quân đội nhân dân", publishedAt: "2025-04-12" },
  { code: "BC2025-0001", category: "print", tier: "B", title: "Người lính già giữ sổ liệt sĩ", summary: "Ba mươi năm một cựu chiến binh đi tìm và ghi lại tên đồng đội.", author: "phongvien7@lantoa.test", outlet: "Báo Tuổi Trẻ", publishedAt: "2025-07-27" },
  { code: "BC2025-0002", category: "radio", tier: "C", title: "Lớp học tình thương bên bờ kênh", summary: "Phóng sự phát thanh về lớp học miễn phí của một nữ công an phường.", author: "phongvien6@lantoa.test", outlet: "Đài Phát thanh và Truyền hình Nghệ An", publishedAt: "2025-09-05" },
  { code: "BC2025-0004", category: "photo", tier: "encouragement", title: "Mùa vàng trên ruộng bậc thang", summary: "Chùm ảnh về hợp tác xã nông nghiệp của đồng bào Mông ở Mù Cang Chải.", author: "phongvien5@lantoa.test", outlet: "Báo Ảnh Việt Nam", publishedAt: "2025-09-20" },
];

export const DEMO_JURORS = ["giamkhao1@lantoa.test", "giamkhao2@lantoa.test", "giamkhao3@lantoa.test"] as const;

/** Every string that identifies a demo author: none may reach a juror in a blind round. */
export function demoAuthorIdentity(): string[] {
  return DEMO_ACCOUNTS.filter((a) => a.role === "journalist").flatMap((a) => [a.name, a.outlet ?? "", ...(a.penNames ?? [])]).filter(Boolean);
}

export const DEMO_ROUND_NAME = { vi: "Vòng sơ khảo", en: "Preliminary round" };
