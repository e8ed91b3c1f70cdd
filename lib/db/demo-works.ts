// The 2026 demo entries' works, as data: what each printed page says, which photographs and which
// recording go with it. The seed (lib/db/seed.ts) renders them with lib/db/demo-files.ts. No names
// of authors appear in any file: the round is blind.
import type { Landscape, PrintedArticle } from "./demo-files";



export const FOREST_ARTICLE: PrintedArticle = {
  section: "Phóng sự",
  date: "Thứ Hai, 16/3/2026",
  page: 5,
  headline: "Người giữ rừng trên đỉnh Pù Luông",
  standfirst: "Hơn hai mươi năm, một kiểm lâm viên cùng bà con bản Đôn giữ từng cánh rừng nguyên sinh trên dãy núi cao nhất miền Tây xứ Thanh.",
  body: [
    "Sáng sớm, sương còn phủ kín thung lũng, anh Ơn đã khoác ba lô lên đường tuần tra. Đường lên đỉnh Pù Luông dốc đứng, đá tai mèo sắc lẹm; mỗi chuyến đi kéo dài từ ba đến năm ngày, ngủ lán, nấu cơm bằng ống nứa.",
    "Năm 2003, khi anh mới về trạm, rừng đầu nguồn bị chặt trộm gần như ngày nào cũng có. Anh không lập biên bản ngay mà đến từng nhà, ngồi bên bếp lửa nghe bà con kể chuyện thiếu đất, thiếu nước. Từ những buổi ngồi ấy, tổ bảo vệ rừng cộng đồng đầu tiên của bản Đôn ra đời với mười hai thành viên.",
    "Hai mươi năm sau, tổ đã có bốn mươi người. Mỗi hộ nhận khoán một khoảnh rừng, tiền dịch vụ môi trường rừng được chia công khai trên bảng tin nhà văn hóa. Diện tích rừng tự nhiên của xã tăng thêm gần ba trăm héc-ta; những con suối cạn khô mùa hạn đã có nước quanh năm.",
    "Không chỉ giữ rừng, anh Ơn còn vận động bà con trồng sa nhân, nuôi ong dưới tán rừng. Thu nhập từ lâm sản phụ giúp nhiều hộ thoát nghèo mà không phải chặt một cây gỗ nào. Du khách đến Pù Luông giờ được dẫn đường bởi chính những người từng vác rìu vào rừng.",
    "Được hỏi vì sao gắn bó với công việc vất vả, lương thấp, anh cười hiền: “Rừng còn thì bản còn. Mình giữ rừng là giữ nước cho con cháu.” Năm 2025, tổ bảo vệ rừng bản Đôn được Thủ tướng Chính phủ tặng Bằng khen vì thành tích xuất sắc trong phong trào thi đua.",
  ],
};

const SERIES_BODY = [
  "Con đường bê tông rộng năm mét chạy qua giữa cánh đồng, nối thôn Đông với trung tâm xã. Ba năm trước, đó là bờ ruộng lầy lội, mùa mưa học sinh phải cởi dép xách tay mà đi.",
  "Để mở đường, hơn sáu mươi hộ đã tự nguyện hiến đất, có nhà hiến cả trăm mét vuông vườn cây đang cho quả. Không có tiền đền bù, chỉ có những cuộc họp thôn kéo dài đến khuya và sự nêu gương của các đảng viên, cựu chiến binh.",
  "Bà con góp ngày công, góp tiền theo khả năng; người đi làm ăn xa gửi tiền về. Chính quyền hỗ trợ xi măng, còn lại dân tự làm. Công trình hoàn thành sớm hơn dự kiến hai tháng và được nghiệm thu đạt chất lượng.",
  "Từ con đường ấy, thôn Đông có thêm xưởng chế biến nông sản, cửa hàng vật tư, và những mô hình trang trại mới. Người dân nói vui: đường mở đến đâu, no ấm đến đó.",
];

export const SERIES_PARTS: { title: string; headline: string; standfirst: string }[] = [
  { title: "Con đường hiến đất", headline: "Nông thôn mới từ những đôi tay — Kỳ 1: Con đường hiến đất", standfirst: "Sáu mươi hộ dân thôn Đông tự nguyện hiến đất mở đường, không một đồng đền bù." },
  { title: "Góp công, góp sức", headline: "Nông thôn mới từ những đôi tay — Kỳ 2: Góp công, góp sức", standfirst: "Mỗi mét đường bê tông là mồ hôi của cả thôn, từ cụ già đến học sinh." },
  { title: "Làng quê đổi mới", headline: "Nông thôn mới từ những đôi tay — Kỳ 3: Làng quê đổi mới", standfirst: "Đường mở đến đâu, sản xuất phát triển đến đó: thôn Đông sau ba năm." },
];

export const seriesArticle = (n: number): PrintedArticle => ({
  section: "Loạt bài",
  date: `Thứ Bảy, ${14 + n * 7}/3/2026`,
  page: 3,
  headline: SERIES_PARTS[n]!.headline,
  standfirst: SERIES_PARTS[n]!.standfirst,
  body: SERIES_BODY.slice(n).concat(SERIES_BODY.slice(0, n)),
});

export const BRIDGE_ARTICLE: PrintedArticle = {
  section: "Gương sáng",
  date: "Thứ Tư, 18/3/2026",
  page: 8,
  headline: "Chiếc cầu tre của thầy giáo vùng lũ",
  standfirst: "Một thầy giáo ở Đồng Tháp cùng học trò dựng cầu tre để các em không phải bơi qua kênh đến trường.",
  body: [
    "Mùa nước nổi, con kênh trước điểm trường ấp Tân Hòa rộng gần hai mươi mét. Trước đây, nhiều em nhỏ phải nhờ cha mẹ chở xuồng, có em bơi qua, quần áo bọc túi ni-lông.",
    "Thầy Nguyễn Văn Lành, giáo viên điểm trường, vận động phụ huynh góp tre, góp công. Sau ba ngày cuối tuần, chiếc cầu tre dài hai mươi hai mét với tay vịn chắc chắn đã bắc qua kênh.",
    "Từ đó đến nay, thầy đã cùng bà con dựng thêm bốn cây cầu ở các ấp lân cận. Tỷ lệ học sinh đi học chuyên cần mùa lũ của trường đạt gần một trăm phần trăm.",
  ],
};

export const KITCHEN_ARTICLE: PrintedArticle = {
  section: "Nhân ái",
  date: "Chủ Nhật, 22/3/2026",
  page: 12,
  headline: "Bữa cơm yêu thương giữa lòng thành phố",
  standfirst: "Bếp ăn không đồng của những người thợ về hưu nuôi bệnh nhân nghèo suốt mười năm.",
  body: [
    "Bốn giờ sáng, căn bếp nhỏ trong con hẻm gần bệnh viện đã đỏ lửa. Mười hai người thợ về hưu chia nhau nhặt rau, vo gạo, nấu ba trăm suất cơm mỗi ngày.",
    "Tiền mua thực phẩm đến từ lương hưu của chính họ và sự góp sức của các tiểu thương chợ đầu mối. Mười năm qua, bếp chưa nghỉ ngày nào, kể cả những ngày Tết.",
    "Nhiều bệnh nhân chạy thận, điều trị ung bướu đã gắn bó với bếp như người nhà. Có người khỏi bệnh quay lại làm tình nguyện viên, tiếp nối những bữa cơm không đồng.",
  ],
};

export const CRAFT_ARTICLE: PrintedArticle = {
  section: "Điển hình tiên tiến",
  date: "Thứ Năm, 2/4/2026",
  page: 7,
  headline: "Những người giữ lửa làng gốm",
  standfirst: "Một hợp tác xã gốm truyền thống vượt qua khó khăn, tạo việc làm cho hai trăm lao động và đưa sản phẩm đi mười hai nước.",
  body: [
    "Lò gốm của hợp tác xã nằm cuối làng, khói bay lên từ bốn giờ sáng. Những người thợ cả ngoài sáu mươi tuổi vẫn ngồi bên bàn xoay, kiên nhẫn chỉ dạy cho lớp thợ trẻ từng đường vuốt men.",
    "Cách đây mười năm, làng nghề đứng trước nguy cơ mai một khi gốm công nghiệp giá rẻ tràn vào thị trường. Ban chủ nhiệm hợp tác xã quyết định đầu tư lò ga, giảm ô nhiễm, đồng thời giữ lại những công đoạn thủ công làm nên hồn cốt của gốm làng.",
    "Hợp tác xã mở lớp dạy nghề miễn phí cho thanh niên trong vùng, nhận cả người khuyết tật vào làm việc. Đến nay, hơn hai trăm lao động có việc làm ổn định với thu nhập bình quân tám triệu đồng mỗi tháng.",
    "Sản phẩm gốm của làng đã có mặt tại mười hai quốc gia. Năm 2025, hợp tác xã được tặng danh hiệu điển hình tiên tiến trong phong trào thi đua “Doanh nghiệp Việt Nam hội nhập và phát triển”.",
    "Giữ lửa nghề, với những người thợ ở đây, không chỉ là giữ một cái lò. Đó là giữ nếp làng, giữ niềm tự hào của cha ông để lại.",
  ],
};

export const FLOOD_PHOTOS: { fileName: string; scene: Landscape }[] = [
  { fileName: "mua-nuoc-noi-1.jpg", scene: { sky: ["#9cc6e4", "#e8f1f7"], hills: ["#8aa85a", "#6f8f45"], water: "#8fb8c9" } },
  { fileName: "mua-nuoc-noi-2.jpg", scene: { sky: ["#f2a65a", "#fbe3c0"], hills: ["#7d9a4e", "#5e7b38", "#41592a"], sun: "#ffe39a", water: "#c9a16b" } },
  { fileName: "mua-nuoc-noi-3.jpg", scene: { sky: ["#5b7db1", "#c3d3ea"], hills: ["#4e6b3a", "#354d29"], water: "#6f95ad" } },
];

export const FOREST_PHOTO: Landscape = { sky: ["#b7d3c9", "#eef4ef"], hills: ["#4d7c3a", "#3a632c", "#2a4a20"], sun: "#fff8d6" };
