// Writes N synthetic stories (Vietnamese with full diacritics, a third also in English) as MDX,
// spread over every movement, province, field, kind and year, for build benchmarks.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const taxonomy = (name) => JSON.parse(readFileSync(path.join(root, "content/taxonomies", name), "utf8"));

const WORDS = ("người dân xã thôn bản hợp tác xã nông thôn mới đường bê tông hiến đất trường học cô giáo học sinh vùng cao biên giới trạm y tế " +
  "bác sĩ tiêm chủng sản phụ lúa tôm cà phê chè quế thảo quả đồng ruộng cơ giới hóa thu nhập giảm nghèo nhà đại đoàn kết văn hóa công sở " +
  "một cửa hồ sơ trực tuyến tiết kiệm công trình cầu cống vật liệu doanh nghiệp xuất khẩu việc làm công nhân sáng kiến cải tiến kỹ thuật " +
  "học tập suốt đời trung tâm học tập cộng đồng kỹ năng số điện thoại thông minh bà con đồng bào dân tộc Mông Dao Tày Khmer Ê Đê phụ nữ " +
  "thanh niên cựu chiến binh bộ đội biên phòng ngư dân tổ đoàn kết biển khơi bão lũ khắc phục hậu quả tình nguyện lan tỏa gương sáng").split(" ");
const EN = "villagers commune road school teacher pupils border clinic vaccination rice shrimp coffee income poverty office records savings bridge materials enterprise exports jobs workers innovation learning community skills volunteers fishermen storm".split(" ");

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function sentence(rand, words, length) {
  const out = Array.from({ length }, () => words[Math.floor(rand() * words.length)]);
  const first = out[0];
  out[0] = first.charAt(0).toLocaleUpperCase("vi") + first.slice(1);
  return out.join(" ") + ".";
}

function body(rand, words) {
  const sections = [];
  for (let s = 0; s < 3; s++) {
    sections.push(`## ${sentence(rand, words, 5).slice(0, -1)}`);
    for (let p = 0; p < 3; p++) sections.push(Array.from({ length: 4 }, () => sentence(rand, words, 8 + Math.floor(rand() * 10))).join(" "));
  }
  return sections.join("\n\n");
}

const q = (text) => JSON.stringify(text);

/** Writes `count` Vietnamese stories (and English versions of every third) under `storiesDir`. */
export function writeSyntheticStories(storiesDir, count, seed = 42) {
  const rand = rng(seed);
  const movements = taxonomy("movements.json").map((m) => m.slug);
  const fields = taxonomy("fields.json").map((f) => f.slug);
  const provinces = taxonomy("provinces.json");
  const covers = readdirSync(path.join(root, "public/covers")).filter((f) => f.endsWith(".svg"));
  mkdirSync(path.join(storiesDir, "vi"), { recursive: true });
  mkdirSync(path.join(storiesDir, "en"), { recursive: true });
  for (let i = 0; i < count; i++) {
    const pick = (list) => list[Math.floor(rand() * list.length)];
    const year = 2023 + (i % 4);
    const date = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
    const province = date >= "2025-07-01" ? pick(provinces.current).slug : pick(provinces.former).slug;
    const common = {
      translationKey: `synthetic-${i}`,
      subjectKind: i % 3 === 0 ? "collective" : "individual",
      directWorker: String(i % 2 === 0),
      province,
      movement: movements[i % movements.length],
      field: pick(fields),
      publishedAt: date,
      cover: `/covers/${pick(covers)}`,
    };
    const write = (locale, slug, title, words) => {
      const lines = [
        "---",
        `title: ${q(title)}`, `slug: ${q(slug)}`, `locale: ${locale}`, `translationKey: ${q(common.translationKey)}`,
        `subjectName: ${q(locale === "vi" ? `Nhân vật số ${i}` : `Subject number ${i}`)}`, `subjectKind: ${common.subjectKind}`,
        `role: ${q(locale === "vi" ? "Nông dân" : "Farmer")}`, `directWorker: ${common.directWorker}`, `province: ${q(common.province)}`,
        `movement: ${q(common.movement)}`, `field: ${q(common.field)}`, `publishedAt: ${common.publishedAt}`,
        `summary: ${q(sentence(rand, words, 20))}`, `cover: ${q(common.cover)}`, `coverAlt: ${q(locale === "vi" ? "Minh họa" : "Illustration")}`,
        `tags: [${q(words[i % words.length])}]`, "---", "", body(rand, words), "",
      ];
      writeFileSync(path.join(storiesDir, locale, `${slug}.mdx`), lines.join("\n"));
    };
    write("vi", `cau-chuyen-tong-hop-${i}`, sentence(rand, WORDS, 9).slice(0, -1), WORDS);
    if (i % 3 === 0) write("en", `synthetic-story-${i}`, sentence(rand, EN, 8).slice(0, -1), EN);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count] = process.argv.slice(2);
  if (!dir || !count) throw new Error("usage: node bench/synthetic-stories.mjs <stories-dir> <count>");
  writeSyntheticStories(path.resolve(dir), Number(count));
  console.log(`wrote ${count} stories to ${dir}`);
}
