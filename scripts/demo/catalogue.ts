// The demo province: a realistic unit tree, TTHC services with real-format codes, and survey points.
// Unit codes follow the electronic-identifier layout (digits, A–Z, dots); all are invented.

export type DemoUnit = { code: string; name: string; parent?: string };
export type DemoService = { code: string; name: string; field: string; units: string[] };
export type DemoPoint = {
  code: string;
  unit: string;
  label: string;
  service?: string;
  form: "full" | "quick";
  tokenRequired?: boolean;
  /** How well this counter serves, 0..1: shapes the synthetic answers. */
  quality: number;
  /** Relative share of the responses. */
  weight: number;
};

const PROVINCE = "000.00.00.H35";
const SNGV = "000.00.21.H35";
const STP = "000.00.17.H35";
const TTHCC = "000.00.90.H35";

export const DEMO_UNITS: DemoUnit[] = [
  { code: PROVINCE, name: "UBND tỉnh Lạng Sơn" },
  { code: SNGV, name: "Sở Ngoại vụ", parent: PROVINCE },
  { code: "000.21.01.H35", name: "Phòng Lãnh sự và Người Việt Nam ở nước ngoài", parent: SNGV },
  { code: STP, name: "Sở Tư pháp", parent: PROVINCE },
  { code: "000.17.03.H35", name: "Phòng Hành chính tư pháp", parent: STP },
  { code: "000.17.05.H35", name: "Trung tâm Trợ giúp pháp lý nhà nước", parent: STP },
  { code: TTHCC, name: "Trung tâm Phục vụ hành chính công tỉnh", parent: PROVINCE },
];

const justice = (code: string, name: string, field: string): DemoService => ({
  code,
  name,
  field,
  units: [STP, TTHCC, "000.17.03.H35"],
});
const foreign = (code: string, name: string): DemoService => ({
  code,
  name,
  field: "Lãnh sự và ngoại vụ",
  units: [SNGV, TTHCC, "000.21.01.H35"],
});

export const DEMO_SERVICES: DemoService[] = [
  justice("1.001193", "Đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch"),
  justice("1.001695", "Đăng ký kết hôn có yếu tố nước ngoài", "Hộ tịch"),
  justice("1.001766", "Đăng ký khai tử có yếu tố nước ngoài", "Hộ tịch"),
  justice("1.000893", "Đăng ký nhận cha, mẹ, con có yếu tố nước ngoài", "Hộ tịch"),
  justice("1.001022", "Ghi vào Sổ hộ tịch việc kết hôn đã giải quyết ở nước ngoài", "Hộ tịch"),
  justice("2.000488", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài", "Lý lịch tư pháp"),
  justice("2.000505", "Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng", "Lý lịch tư pháp"),
  justice("1.008724", "Cấp Thẻ công chứng viên", "Công chứng"),
  justice("1.001071", "Đăng ký hoạt động Văn phòng công chứng", "Công chứng"),
  justice("2.000789", "Thay đổi nội dung đăng ký hoạt động của Văn phòng công chứng", "Công chứng"),
  justice("1.001233", "Đăng ký hành nghề luật sư với tư cách cá nhân", "Luật sư"),
  justice("1.002079", "Đăng ký hoạt động của tổ chức hành nghề luật sư", "Luật sư"),
  justice("1.000614", "Đăng ký hoạt động của Trung tâm trọng tài", "Trọng tài thương mại"),
  justice("2.001782", "Cấp Chứng chỉ hành nghề đấu giá", "Đấu giá tài sản"),
  justice("1.000951", "Đăng ký hoạt động của doanh nghiệp đấu giá tài sản", "Đấu giá tài sản"),
  justice("1.009873", "Cấp giấy chứng nhận đăng ký hành nghề quản lý, thanh lý tài sản", "Quản tài viên"),
  justice("2.002189", "Yêu cầu trợ giúp pháp lý", "Trợ giúp pháp lý"),
  justice("2.002190", "Thay đổi người thực hiện trợ giúp pháp lý", "Trợ giúp pháp lý"),
  justice("1.003160", "Cấp bản sao trích lục hộ tịch", "Hộ tịch"),
  justice("1.005461", "Đăng ký giám hộ có yếu tố nước ngoài", "Hộ tịch"),
  foreign("1.002289", "Cho phép tổ chức hội nghị, hội thảo quốc tế"),
  foreign("1.002296", "Cho phép cán bộ, công chức đi nước ngoài về việc riêng"),
  foreign("1.003572", "Cấp hộ chiếu công vụ"),
  foreign("1.003573", "Gia hạn hộ chiếu công vụ"),
  foreign("1.005375", "Cấp công hàm đề nghị phía nước ngoài cấp thị thực"),
  foreign("1.008911", "Hợp pháp hóa lãnh sự giấy tờ, tài liệu tại địa phương"),
  foreign("1.008912", "Chứng nhận lãnh sự giấy tờ, tài liệu tại địa phương"),
  foreign("2.001655", "Xin phép cho người nước ngoài vào làm việc tại tỉnh"),
  foreign("2.002150", "Tiếp nhận hồ sơ xác minh nhân thân người Việt Nam ở nước ngoài"),
  foreign("1.010092", "Cấp thẻ đi lại của doanh nhân APEC"),
];

/** The codes of the demo services a unit offers. */
export const demoServicesOf = (unitCode: string): string[] =>
  DEMO_SERVICES.filter((s) => s.units.includes(unitCode)).map((s) => s.code);

export const DEMO_POINTS: DemoPoint[] = [
  { code: "TTQ2KA", unit: TTHCC, label: "Quầy số 1 – Tư pháp", form: "full", quality: 0.86, weight: 14 },
  { code: "TTQ3KB", unit: TTHCC, label: "Quầy số 2 – Tư pháp", form: "full", quality: 0.78, weight: 12 },
  { code: "TTQ4KC", unit: TTHCC, label: "Quầy số 3 – Ngoại vụ", form: "full", quality: 0.9, weight: 9 },
  { code: "TTQ5KD", unit: TTHCC, label: "Quầy số 4 – Ngoại vụ", form: "full", quality: 0.72, weight: 7 },
  {
    code: "TTQ6KE",
    unit: TTHCC,
    label: "Quầy số 5 – Lý lịch tư pháp",
    service: "2.000488",
    form: "quick",
    quality: 0.8,
    weight: 16,
  },
  { code: "TTKSK6", unit: TTHCC, label: "Máy tính bảng tại sảnh", form: "quick", quality: 0.83, weight: 10 },
  {
    code: "STPHC7",
    unit: "000.17.03.H35",
    label: "Bộ phận một cửa Sở Tư pháp",
    form: "full",
    quality: 0.75,
    weight: 8,
  },
  {
    code: "STPTG8",
    unit: "000.17.05.H35",
    label: "Phòng tiếp công dân",
    service: "2.002189",
    form: "quick",
    quality: 0.88,
    weight: 5,
  },
  { code: "SNVKS9", unit: "000.21.01.H35", label: "Quầy Lãnh sự", form: "full", quality: 0.82, weight: 6 },
  {
    code: "SNVHS2",
    unit: SNGV,
    label: "Bộ phận một cửa Sở Ngoại vụ",
    form: "full",
    tokenRequired: true,
    quality: 0.7,
    weight: 4,
  },
];

/** Comments a citizen might leave; the last ones carry personal numbers, masked as the submit path does. */
export const DEMO_COMMENTS = [
  "Cán bộ hướng dẫn rất nhiệt tình, cảm ơn.",
  "Thời gian chờ hơi lâu vào buổi sáng.",
  "Nên bố trí thêm ghế ngồi ở khu vực chờ.",
  "Thủ tục nhanh gọn, đúng hẹn.",
  "Máy lấy số thứ tự bị hỏng.",
  "Cần niêm yết rõ hơn mức lệ phí.",
  "办事人员很热情，效率很高。",
  "Staff were helpful and spoke some English.",
  "Tôi phải đi lại hai lần vì thiếu giấy tờ, mong hướng dẫn rõ hơn từ đầu.",
  "Nhà vệ sinh cần sạch sẽ hơn.",
  "Liên hệ tôi qua số 0912 345 678 nếu cần bổ sung hồ sơ.",
  "CCCD của tôi là 001203004567, mong được hỗ trợ sớm.",
];
