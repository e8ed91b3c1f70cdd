// @ts-check
// Synthetic stories for the search benchmark: contentlayer-shaped records with Vietnamese text
// (diacritics, real place and movement names), deterministic for a given seed, mapped by the
// same toStoryDocument the app uses. Bodies mix templated sentences about the story's own
// subject with sentences drawn from the real stories, so words are as common or as rare as in
// real prose (a handful of template sentences alone would make every query match every story).
// Also the 50 benchmark queries, with and without diacritics.
import { readFileSync } from "node:fs";
import path from "node:path";
import { tsImport } from "tsx/esm/api";
import movements from "../content/taxonomies/movements.json" with { type: "json" };
import fields from "../content/taxonomies/fields.json" with { type: "json" };
import provinces from "../content/taxonomies/provinces.json" with { type: "json" };

/** @type {typeof import("../lib/search/text")} */
const { plainTextFromMdx } = await tsImport("../lib/search/text.ts", import.meta.url);

/** Mulberry32: a tiny seeded PRNG, so every run indexes the same corpus. @param {number} seed */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Hữu", "Ngọc", "Đức", "Thu", "Quốc", "Kim"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hoài", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương", "Quang", "Sơn", "Thảo", "Trang", "Tuấn", "Vinh", "Yến"];
const ROLES = ["Cô giáo", "Thầy giáo", "Bác sĩ", "Nữ hộ sinh", "Cựu chiến binh", "Nông dân", "Kỹ sư", "Nữ công nhân", "Bí thư chi bộ", "Đoàn viên thanh niên", "Cán bộ một cửa", "Bộ đội biên phòng"];
const COLLECTIVES = ["Hợp tác xã", "Tổ hòa giải", "Trạm y tế xã", "Trường tiểu học", "Đồn biên phòng", "Chi đoàn thanh niên", "Tổ đoàn kết", "Doanh nghiệp gỗ"];
const DEEDS = [
  "hiến đất mở đường thôn", "giữ chân học trò vùng cao", "đưa nước sạch về bản", "dựng nhà tình nghĩa cho hộ nghèo",
  "số hóa hồ sơ một cửa", "trồng rừng phòng hộ ven biển", "làm du lịch cộng đồng", "mở lớp xóa mù chữ",
  "cứu người trong mùa lũ", "có 20 sáng kiến cải tiến kỹ thuật", "đưa sản phẩm OCOP ra chợ phiên", "xây dựng nông thôn mới kiểu mẫu",
  "giúp bản giảm nghèo bền vững", "vận động hiến máu tình nguyện", "giữ bình yên khu dân cư", "tiết kiệm hàng tỷ đồng vật tư",
];
const SENTENCES = [
  "Mỗi sáng, {name} đi bộ gần năm cây số dọc con dốc đất đỏ để đến với bà con {place}.",
  "Những năm đầu, việc {deed} gặp không ít khó khăn vì thiếu vốn và thiếu người làm.",
  "Nhờ sự đồng lòng của chính quyền và người dân, phong trào {movement} ở {place} lan tỏa rộng khắp.",
  "Bà con trong thôn kể rằng chưa bao giờ con đường về bản lại sạch đẹp như bây giờ.",
  "Anh chị em trong tổ họp bàn mỗi tối, ghi chép cẩn thận từng khoản đóng góp.",
  "Đến nay, hơn {number} hộ gia đình đã được hưởng lợi trực tiếp từ mô hình.",
  "Câu chuyện của {name} là minh chứng cho tinh thần người tốt, việc tốt giữa đời thường.",
  "Ủy ban nhân dân xã ghi nhận và đề nghị khen thưởng cho tập thể, cá nhân tiêu biểu.",
  "Lớp học buổi tối sáng đèn, tiếng đánh vần vang lên giữa núi rừng {place}.",
  "Từ chỗ thiếu thốn, nhiều gia đình đã có thu nhập ổn định, con cái được đến trường đầy đủ.",
  "Cơn bão năm ấy cuốn trôi cầu tạm, nhưng chỉ sau hai tuần, cây cầu mới đã được dựng lại bằng vật liệu tại chỗ.",
  "Các em học sinh dân tộc thiểu số được ăn bán trú, không còn phải nghỉ học theo bố mẹ lên nương.",
];

/** Sentences of the built stories (run `npm run content` first), per locale. */
function realSentences() {
  const file = path.join(import.meta.dirname, "..", ".contentlayer", "generated", "Story", "_index.json");
  /** @type {{ locale: string, body: { raw: string } }[]} */
  const stories = JSON.parse(readFileSync(file, "utf8"));
  /** @type {Record<string, string[]>} */
  const pools = { vi: [], en: [] };
  for (const story of stories) pools[story.locale]?.push(...plainTextFromMdx(story.body.raw).split(/(?<=[.!?…])\s+/).filter((s) => s.length > 20));
  return pools;
}

/** @template T @param {() => number} rand @param {readonly T[]} list @returns {T} */
const pick = (rand, list) => /** @type {T} */ (list[Math.floor(rand() * list.length)]);

/**
 * `count` stories shaped like contentlayer's output (title, body.raw, province, movement …).
 * @param {number} count
 * @param {number} [seed]
 * @returns {import("../lib/search/documents").StorySource[]}
 */
export function syntheticStories(count, seed = 20250701) {
  const rand = random(seed);
  const pools = realSentences();
  const places = [...provinces.former, ...provinces.current];
  return Array.from({ length: count }, (_, i) => {
    const collective = rand() < 0.35;
    const name = `${pick(rand, FAMILY)} ${pick(rand, MIDDLE)} ${pick(rand, GIVEN)}`;
    const place = pick(rand, places);
    const movement = pick(rand, movements);
    const deed = pick(rand, DEEDS);
    const subject = collective ? `${pick(rand, COLLECTIVES)} ${place.name}` : `${pick(rand, ROLES)} ${name}`;
    const year = 2019 + Math.floor(rand() * 7);
    const date = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}T00:00:00.000Z`;
    const fill = (/** @type {string} */ s) =>
      s.replace("{name}", name).replace("{place}", place.name).replace("{deed}", deed).replace("{movement}", movement.shortName.vi.toLowerCase()).replace("{number}", String(20 + Math.floor(rand() * 500)));
    const locale = rand() < 0.8 ? "vi" : "en";
    const pool = pools[locale] ?? [];
    const paragraphs = Array.from({ length: 4 }, () => Array.from({ length: 5 }, (_, n) => (n === 0 ? fill(pick(rand, SENTENCES)) : pick(rand, pool))).join(" "));
    const slug = `bai-tong-hop-${i}`;
    return {
      title: `${subject} ${deed} ở ${place.name}`,
      slug,
      locale,
      subjectName: collective ? subject : name,
      subjectKind: collective ? "collective" : "individual",
      role: collective ? "Tập thể" : subject.replace(` ${name}`, ""),
      province: place.slug,
      movement: movement.slug,
      field: pick(rand, fields).slug,
      award: rand() < 0.5 ? `Bằng khen của Chủ tịch UBND tỉnh ${place.name} (${year})` : undefined,
      publishedAt: date,
      summary: fill(pick(rand, SENTENCES)) + " " + fill(pick(rand, SENTENCES)),
      cover: "/covers/synthetic.svg",
      tags: [deed, movement.shortName.vi, place.name],
      url: `/cau-chuyen/${slug}`,
      year,
      body: { raw: paragraphs.map((p, n) => (n === 2 ? `## ${deed}\n\n${p}` : p)).join("\n\n") },
    };
  });
}

/** 50 queries readers type: with and without diacritics, abbreviations, a few typos. */
export const BENCH_QUERIES = [
  "co giao vung cao", "cô giáo vùng cao", "ha tinh nong thon moi", "nông thôn mới Hà Tĩnh", "hien dat mo duong",
  "hiến đất mở đường", "cuu chien binh", "cựu chiến binh", "nuoc sach ve ban", "nước sạch", "dak lak", "Đắk Lắk",
  "tp.hcm", "ntm", "ocop", "giam ngheo ben vung", "giảm nghèo", "so hoa ho so", "số hóa hồ sơ một cửa", "hop tac xa",
  "hợp tác xã", "tram y te xa", "trạm y tế", "hien mau tinh nguyen", "hiến máu", "trong rung phong ho", "du lich cong dong",
  "nguoi tot viec tot", "người tốt việc tốt", "lop xoa mu chu", "lớp học buổi tối", "bo doi bien phong", "bộ đội biên phòng",
  "sang kien cai tien ky thuat", "sáng kiến", "nu ho sinh", "nữ hộ sinh", "ha giang", "Hà Giang", "thanh hoa", "Thanh Hóa",
  "nguyen thi hoai", "Nguyễn Văn Hùng", "cau tam mua lu", "bán trú", "ban tru hoc sinh dan toc", "giáoo vùng cao",
  "nghèoo", "xay nha tinh nghia", "tiết kiệm vật tư",
];
