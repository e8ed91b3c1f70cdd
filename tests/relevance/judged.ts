// The judged relevance set: queries as readers type them, each with the stories it must find
// ("locale:slug", a slug may be cut short when unique). Over the demo stories and the stories of
// ./stories.ts, with 300 synthetic stories as noise. `place`: every story in the top 3 (as many
// as the place holds) must be in that province, named then or now.
export type QueryKind =
  | "no-diacritics"
  | "diacritics"
  | "wrong-tone"
  | "sentence"
  | "place"
  | "former-place"
  | "person"
  | "abbreviation"
  | "typo"
  | "english";

/**
 * `alsoRelevant`: stories (the synthetic ones above all) judged relevant by rule: every listed
 * phrase in the title (diacritics and case folded) and, if given, in that province.
 */
export type Judged = { q: string; kind: QueryKind; locale?: "vi" | "en"; relevant: string[]; place?: string; alsoRelevant?: { title: string[]; province?: string } };

const j = (kind: QueryKind, q: string, relevant: string[], extra: Partial<Judged> = {}): Judged => ({ q, kind, relevant, ...extra });

export const JUDGED: Judged[] = [
  // Titles typed without diacritics, stop words and all.
  j("no-diacritics", "anh trieu van phin dua thao qua va que giup ban thoat ngheo", ["vi:anh-trieu-van-phin"]),
  j("no-diacritics", "qua va que", ["vi:anh-trieu-van-phin"]),
  j("no-diacritics", "thao qua va que", ["vi:anh-trieu-van-phin"]),
  j("no-diacritics", "bi thu dang uy xa di dau don dien doi thua", ["vi:bi-thu-dang-uy"]),
  j("no-diacritics", "chi minh thu va quay khong can hen", ["vi:chi-minh-thu"]),
  j("no-diacritics", "phu nu k'ho lam nen nhung goi tra ocop bon sao", ["vi:chi-thanh-huong"]),
  j("no-diacritics", "co giao giu chan hoc tro mong noi bien gioi", ["vi:co-giao-giu-chan"]),
  j("no-diacritics", "don bien phong khuoi slua dung mai am bien cuong", ["vi:don-bien-phong-khuoi-slua"]),
  j("no-diacritics", "minh bach tung khoi go de giu 600 viec lam", ["vi:go-minh-phat"]),
  j("no-diacritics", "hop tac xa tom lua kenh xang", ["vi:hop-tac-xa-tom-lua"]),
  j("no-diacritics", "khoa kham benh cai rang ung dung dat lich", ["vi:khoa-kham-benh-cai-rang"]),
  j("no-diacritics", "lop hoc buoi toi mien phi cua co giao ve huu", ["vi:lop-hoc-buoi-toi"]),
  j("no-diacritics", "lop hoc con chu cua nguoi phu nu lam nuoc mam", ["vi:lop-hoc-con-chu"]),
  j("no-diacritics", "mot cua phuong hoa khanh bac", ["vi:mot-cua-phuong-hoa-khanh-bac"]),
  j("no-diacritics", "nguoi trong ca phe hoc cach tra no cho dat", ["vi:nguoi-trong-ca-phe"]),
  j("no-diacritics", "nu cong chuc thue so hoa ho so ho kinh doanh", ["vi:nu-cong-chuc-thue"]),
  j("no-diacritics", "nu cong nhan may va 20 sang kien", ["vi:nu-cong-nhan-may"]),
  j("no-diacritics", "xa nong thon moi nang cao tu suc dan", ["vi:phu-loc-tay"]),
  j("no-diacritics", "thanh nien tinh nguyen lam cau khe lim", ["vi:thanh-nien-tinh-nguyen"]),
  j("no-diacritics", "to dien tan dung vat tu thu hoi sau bao yagi", ["vi:to-dien-quang-hanh"]),
  j("no-diacritics", "chia nhau con ca giu nhau giua bien khoi", ["vi:to-doan-ket-so-7"]),
  j("no-diacritics", "tram y te xa na bung don san phu", ["vi:tram-y-te-xa-na-bung"]),
  j("no-diacritics", "dua nong dan khmer len khong gian so", ["vi:trung-tam-hoc-tap-cong-dong"]),
  j("no-diacritics", "nhung chuyen di bo vao lang kham thai", ["vi:y-hien-va-nhung"]),
  j("no-diacritics", "mai am bien cuong", ["vi:don-bien-phong-khuoi-slua"]),
  j("no-diacritics", "nuoc mam dam mon", ["vi:lop-hoc-con-chu"]),
  // With diacritics.
  j("diacritics", "thảo quả và quế", ["vi:anh-trieu-van-phin"]),
  j("diacritics", "dồn điền đổi thửa", ["vi:bi-thu-dang-uy"]),
  j("diacritics", "quầy không cần hẹn", ["vi:chi-minh-thu"]),
  j("diacritics", "trà OCOP bốn sao", ["vi:chi-thanh-huong"]),
  j("diacritics", "bão Yagi", ["vi:to-dien-quang-hanh"]),
  j("diacritics", "đặt lịch khám bệnh", ["vi:khoa-kham-benh-cai-rang"]),
  j("diacritics", "lớp học bán trú Mèo Vạc", ["vi:thay-giao-meo-vac"]),
  j("diacritics", "tủ sách cho trẻ em xóm chài", ["vi:co-le-thi-hue"]),
  // Wrong or old-style tone marks.
  j("wrong-tone", "thảo qua và quê", ["vi:anh-trieu-van-phin"]),
  j("wrong-tone", "cô giào giữ chân học tro", ["vi:co-giao-giu-chan"]),
  j("wrong-tone", "hoà khánh bắc", ["vi:mot-cua-phuong-hoa-khanh-bac"]),
  j("wrong-tone", "hải sàn xa bờ bình châu", ["vi:to-doan-ket-so-7"]),
  j("wrong-tone", "cà phế cư m'gar", ["vi:nguoi-trong-ca-phe"]),
  // Sentences as people write them.
  j("sentence", "co giao va hoc tro vung bien gioi", ["vi:co-giao-giu-chan"]),
  j("sentence", "cuu chien binh hien dat de lam duong cho thon", ["vi:cuu-chien-binh-nong-van-luong"]),
  j("sentence", "nguoi phu nu day chu cho ba con lang chai", ["vi:lop-hoc-con-chu"]),
  j("sentence", "bo doi bien phong xay nha cho ho ngheo", ["vi:don-bien-phong-khuoi-slua"], { alsoRelevant: { title: ["bien phong", "nha tinh nghia cho ho ngheo"] } }),
  j("sentence", "benh vien giam thoi gian cho kham cho nguoi benh", ["vi:khoa-kham-benh-cai-rang"]),
  j("sentence", "ky su tiet kiem tien cho cong trinh cao toc", ["vi:ky-su-le-quang-vinh", "vi:ky-su-giam-sat-cao-toc"]),
  j("sentence", "ngư dân giúp nhau khi gặp nạn trên biển", ["vi:to-doan-ket-so-7"]),
  j("sentence", "a teacher who keeps Hmong children in school", ["en:the-border-teacher"], { locale: "en" }),
  // Places, current names.
  j("place", "ha giang", ["vi:cuu-chien-binh-nong-van-luong", "vi:thay-giao-meo-vac", "vi:htx-che-shan-tuyet"], { place: "ha-giang", locale: "vi" }),
  j("place", "Hà Giang", ["vi:cuu-chien-binh-nong-van-luong", "vi:thay-giao-meo-vac", "vi:htx-che-shan-tuyet"], { place: "ha-giang", locale: "vi" }),
  j("place", "co giao ha giang", ["vi:thay-giao-meo-vac"], { place: "ha-giang", alsoRelevant: { title: ["co giao"], province: "ha-giang" } }),
  j("place", "chè Hà Giang", ["vi:htx-che-shan-tuyet"], { place: "ha-giang" }),
  j("place", "tỉnh Hà Giang", ["vi:cuu-chien-binh-nong-van-luong", "vi:thay-giao-meo-vac", "vi:htx-che-shan-tuyet"], { place: "ha-giang", locale: "vi" }),
  j("place", "dak lak", ["vi:nguoi-trong-ca-phe"], { place: "dak-lak", locale: "vi" }),
  j("place", "ha tinh nong thon moi", ["vi:phu-loc-tay"], { place: "ha-tinh" }),
  j("place", "quang ninh", ["vi:to-dien-quang-hanh"], { place: "quang-ninh", locale: "vi" }),
  j("place", "can tho", ["vi:khoa-kham-benh-cai-rang"], { place: "can-tho", locale: "vi" }),
  j("place", "hue", ["vi:chi-minh-thu"], { place: "hue", locale: "vi" }),
  j("place", "Sài Gòn", ["vi:bep-com-0-dong"], { place: "ho-chi-minh", locale: "vi" }),
  j("place", "lai chau", ["vi:co-giao-giu-chan", "vi:giao-vien-thcs-nam-ban"], { place: "lai-chau", locale: "vi" }),
  j("place", "ca mau tom lua", ["vi:hop-tac-xa-tom-lua"], { place: "ca-mau" }),
  // Former provinces and the units they joined.
  j("former-place", "tuyen quang", ["vi:anh-trieu-van-phin", "vi:cuu-chien-binh-nong-van-luong"], { place: "tuyen-quang", locale: "vi" }),
  j("former-place", "thua thien hue", ["vi:doi-cuu-ho-thua-thien-hue"], { place: "thua-thien-hue", locale: "vi" }),
  j("former-place", "cuu ho mua lu hue", ["vi:doi-cuu-ho-thua-thien-hue"], { place: "hue" }),
  j("former-place", "binh duong go xuat khau", ["vi:go-minh-phat"], { place: "binh-duong" }),
  j("former-place", "go xuat khau thanh pho ho chi minh", ["vi:go-minh-phat"], { place: "ho-chi-minh" }),
  j("former-place", "quang binh cau khe lim", ["vi:thanh-nien-tinh-nguyen"], { place: "quang-binh" }),
  j("former-place", "quang tri thanh nien tinh nguyen", ["vi:thanh-nien-tinh-nguyen"], { place: "quang-tri" }),
  j("former-place", "kon tum", ["vi:y-hien-va-nhung"], { place: "kon-tum", locale: "vi" }),
  j("former-place", "soc trang khmer", ["vi:trung-tam-hoc-tap-cong-dong"], { place: "soc-trang" }),
  j("former-place", "thai binh don dien doi thua", ["vi:bi-thu-dang-uy"], { place: "thai-binh" }),
  j("former-place", "bac giang cong nhan may", ["vi:nu-cong-nhan-may"], { place: "bac-giang" }),
  // People's names.
  j("person", "Triệu Văn Phin", ["vi:anh-trieu-van-phin"]),
  j("person", "nong van luong", ["vi:cuu-chien-binh-nong-van-luong", "en:the-veteran-who-gave"]),
  j("person", "dang thi hoai", ["vi:co-giao-giu-chan", "en:the-border-teacher"]),
  j("person", "le quang vinh", ["vi:ky-su-le-quang-vinh", "en:how-engineer-le-quang-vinh"]),
  j("person", "Tôn Nữ Minh Thư", ["vi:chi-minh-thu", "en:minh-thu-and-the"]),
  j("person", "pham van thuan", ["vi:nguoi-trong-ca-phe", "en:the-cu-mgar-coffee"]),
  j("person", "than thi huyen", ["vi:nu-cong-nhan-may"]),
  j("person", "do thi thanh nhan", ["vi:lop-hoc-buoi-toi"]),
  j("person", "y hien", ["vi:y-hien-va-nhung", "en:y-hien-the-midwife"]),
  j("person", "Lê Thị Huệ", ["vi:co-le-thi-hue"]),
  j("person", "vang seo chu", ["vi:thay-giao-meo-vac"]),
  // Abbreviations.
  j("abbreviation", "UBND phường Hòa Khánh Bắc", ["vi:mot-cua-phuong-hoa-khanh-bac"]),
  j("abbreviation", "HTX tôm lúa", ["vi:hop-tac-xa-tom-lua"]),
  j("abbreviation", "htx che shan tuyet", ["vi:htx-che-shan-tuyet"]),
  j("abbreviation", "giao vien THCS tin hoc", ["vi:giao-vien-thcs-nam-ban"]),
  j("abbreviation", "truong trung hoc co so nam ban", ["vi:giao-vien-thcs-nam-ban"]),
  j("abbreviation", "TP.HCM bếp cơm", ["vi:bep-com-0-dong"], { place: "ho-chi-minh" }),
  j("abbreviation", "tphcm", ["vi:bep-com-0-dong", "vi:go-minh-phat"], { place: "ho-chi-minh", locale: "vi" }),
  j("abbreviation", "NTM nâng cao", ["vi:phu-loc-tay"]),
  j("abbreviation", "ccb hien dat mo duong", ["vi:cuu-chien-binh-nong-van-luong"]),
  // Typos: one letter, swapped letters.
  j("typo", "truogn hoc ban tru", ["vi:co-giao-giu-chan", "vi:thay-giao-meo-vac"]),
  j("typo", "khuoi sluaa", ["vi:don-bien-phong-khuoi-slua"]),
  j("typo", "nong dan Khnmer", ["vi:trung-tam-hoc-tap-cong-dong"]),
  j("typo", "sang kein cai tien ky thuat", ["vi:nu-cong-nhan-may"], { alsoRelevant: { title: ["sang kien cai tien ky thuat"] } }),
  j("typo", "thao qua va quee", ["vi:anh-trieu-van-phin"]),
  j("typo", "nguoi trogn ca phe", ["vi:nguoi-trong-ca-phe"]),
  j("typo", "chien binh hien datt", ["vi:cuu-chien-binh-nong-van-luong"]),
  // English.
  j("english", "orange garden village road", ["en:the-veteran-who-gave"], { locale: "en" }),
  j("english", "midwife walks to the villages", ["en:y-hien-the-midwife"], { locale: "en" }),
  j("english", "shrimp rice cooperative", ["en:kenh-xang-shrimp-rice"], { locale: "en" }),
  j("english", "one-stop desk paperwork", ["en:hoa-khanh-bac-one-stop"], { locale: "en" }),
  j("english", "Khe Lim bridge volunteers", ["en:young-volunteers-build"], { locale: "en" }),
  j("english", "coffee grower soil", ["en:the-cu-mgar-coffee"], { locale: "en" }),
  j("english", "Ha Giang", ["en:the-veteran-who-gave", "en:the-ha-giang-tea"], { locale: "en", place: "ha-giang" }),
  j("english", "Hoang Su Phi tea cooperative", ["en:the-ha-giang-tea"], { locale: "en" }),
  j("english", "vaccines health station", ["en:na-bung-health-station"], { locale: "en" }),
  j("english", "wood traceability jobs", ["en:minh-phat-wood"], { locale: "en" }),
];
