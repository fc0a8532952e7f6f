// Vietnamese: the source of truth (SIPAS.md §2). Every other language file is typed against this one.
// Instrument wording follows the national form, in the polite "Ông/Bà" register.
// Sections: common, instrument; the survey page, posters and console add their own sections here first.

export const vi = {
  common: {
    // Each language names itself, as shown in a language switch.
    languageName: "Tiếng Việt",
    // BCP 47 tag for <html lang>, so that browsers pick the right fonts and voices.
    languageTag: "vi",
    language: "Ngôn ngữ",
  },
  instrument: {
    forms: {
      full: "Phiếu đầy đủ",
      quick: "Phiếu rút gọn",
    },
    satisfaction: {
      title: "Mức độ hài lòng",
      prompt: "Ông/Bà vui lòng cho biết mức độ hài lòng của mình đối với từng nội dung dưới đây.",
    },
    scale: {
      "1": "Rất không hài lòng",
      "2": "Không hài lòng",
      "3": "Bình thường",
      "4": "Hài lòng",
      "5": "Rất hài lòng",
      skip: "Không trả lời",
    },
    elements: {
      TC: "Tiếp cận dịch vụ",
      TT: "Thủ tục hành chính",
      CC: "Công chức trực tiếp giải quyết công việc",
      KQ: "Kết quả giải quyết (được cấp hoặc bị từ chối)",
      PA: "Tiếp nhận, xử lý phản ánh, kiến nghị",
    },
    items: {
      TC1: "Cơ quan cung cấp thông tin về giải quyết thủ tục hành chính theo nhiều hình thức, dễ tiếp cận, dễ hiểu",
      TC2: "Trụ sở tiếp nhận và trả kết quả có biển hiệu, hướng dẫn rõ ràng, dễ thấy",
      TC3: "Trụ sở tiếp nhận và trả kết quả sạch sẽ, văn minh",
      TC4: "Trang thiết bị phục vụ người dân đầy đủ, chất lượng tốt, giúp giải quyết công việc dễ dàng hơn",
      TT1: "Quy định thủ tục hành chính được niêm yết công khai tại trụ sở, dễ thấy, dễ hiểu",
      TT2: "Thành phần hồ sơ phải nộp là đúng quy định",
      TT3: "Mức phí, lệ phí phải nộp là đúng quy định",
      TT4: "Thời hạn giải quyết thủ tục hành chính là đúng quy định",
      CC1: "Công chức có thái độ giao tiếp lịch sự, tôn trọng người dân",
      CC2: "Công chức cung cấp thông tin, trả lời kịp thời, đầy đủ các câu hỏi, ý kiến",
      CC3: "Công chức hướng dẫn hồ sơ dễ hiểu, người dân hoàn thiện được hồ sơ sau một lần hướng dẫn",
      CC4: "Công chức tuân thủ đúng quy định khi giải quyết công việc",
      CC5: "Công chức tận tình trong quá trình giải quyết công việc",
      KQ1: "Kết quả được trả đúng hẹn",
      KQ2: "Kết quả có thông tin đầy đủ, chính xác",
      KQ3: "Kết quả bảo đảm tính công bằng",
      PA1: "Cơ quan bố trí hình thức tiếp nhận phản ánh, kiến nghị dễ dàng",
      PA2: "Cơ quan tiếp nhận, xử lý phản ánh, kiến nghị đúng quy định",
      PA3: "Cơ quan thông báo kết quả xử lý phản ánh, kiến nghị kịp thời",
      TC: "Ông/Bà hài lòng thế nào về việc tiếp cận dịch vụ (thông tin, trụ sở, trang thiết bị)?",
      TT: "Ông/Bà hài lòng thế nào về thủ tục hành chính (niêm yết công khai, hồ sơ, phí, lệ phí, thời hạn giải quyết)?",
      CC: "Ông/Bà hài lòng thế nào về thái độ và sự hướng dẫn của công chức?",
      KQ: "Ông/Bà hài lòng thế nào về kết quả giải quyết (đúng hẹn, đầy đủ, chính xác, công bằng)?",
      PA: "Ông/Bà hài lòng thế nào về việc tiếp nhận, xử lý phản ánh, kiến nghị?",
    },
    expectations: {
      title: "Mong đợi của Ông/Bà",
      prompt: "Theo Ông/Bà, cơ quan cần ưu tiên cải thiện từng nội dung dưới đây ở mức nào?",
      items: {
        E1: "Cung cấp thông tin về thủ tục hành chính",
        E2: "Trụ sở, trang thiết bị phục vụ người dân",
        E3: "Năng lực chuyên môn của công chức",
        E4: "Thái độ phục vụ của công chức",
        E5: "Cung cấp dịch vụ công trực tuyến",
        E6: "Tiếp nhận, xử lý phản ánh, kiến nghị",
        E7: "Đơn giản hóa thủ tục hành chính",
      },
      levels: {
        "1": "Rất nhiều",
        "2": "Nhiều",
        "3": "Ít",
      },
    },
    respondent: {
      title: "Thông tin về Ông/Bà",
      optional: "Không bắt buộc",
      gender: {
        question: "Giới tính",
        options: { male: "Nam", female: "Nữ", other: "Khác" },
      },
      ageBand: {
        question: "Độ tuổi",
        options: {
          "18-24": "Từ 18 đến 24",
          "25-34": "Từ 25 đến 34",
          "35-49": "Từ 35 đến 49",
          "50-60": "Từ 50 đến 60",
          "60+": "Trên 60",
        },
      },
      ethnicity: {
        question: "Dân tộc",
        options: {
          kinh: "Kinh",
          tay: "Tày",
          nung: "Nùng",
          hoa: "Hoa",
          dao: "Dao",
          mong: "Mông",
          "san-chay": "Sán Chay",
          other: "Khác",
        },
      },
      education: {
        question: "Trình độ học vấn",
        options: {
          "primary-or-less": "Tiểu học trở xuống",
          "lower-secondary": "Trung học cơ sở",
          "upper-secondary": "Trung học phổ thông",
          vocational: "Trung cấp, cao đẳng",
          university: "Đại học",
          postgraduate: "Trên đại học",
        },
      },
      occupation: {
        question: "Nghề nghiệp",
        options: {
          farmer: "Nông dân",
          worker: "Công nhân",
          "civil-servant": "Cán bộ, công chức, viên chức",
          business: "Kinh doanh, buôn bán",
          student: "Học sinh, sinh viên",
          retired: "Nghỉ hưu",
          other: "Khác",
        },
      },
    },
    comment: {
      label: "Ý kiến khác",
      hint: "Ông/Bà có góp ý gì thêm để cơ quan phục vụ tốt hơn? (tối đa 2.000 ký tự)",
    },
  },
  poster: {
    // Posters and one-time link slips (server/routes/posters.ts, links.ts): Vietnamese first, with one line
    // in Chinese and one in English printed under the steps.
    title: "Áp phích khảo sát",
    kicker: "Khảo sát sự hài lòng về sự phục vụ hành chính",
    question: "Ông/Bà hài lòng với sự phục vụ tại đây?",
    steps: {
      scan: "Mở camera điện thoại, quét mã QR.",
      answer: "Chọn mức độ hài lòng cho từng câu hỏi.",
      send: "Bấm “Gửi”. Xin cảm ơn Ông/Bà!",
    },
    typeUrl: "Không quét được? Gõ địa chỉ:",
    scanLine: "Quét mã QR để đánh giá sự phục vụ tại đây.",
    privacy: "Phiếu khảo sát ẩn danh: không hỏi họ tên, không lưu địa chỉ IP hay thông tin thiết bị.",
    fold: "Gấp theo đường này",
    print: "In",
    formats: {
      a4: "A4",
      a5: "A5",
      tent: "Biển để bàn (gấp đôi)",
    },
    slips: {
      title: "Phiếu đánh giá dùng một lần",
      instruction: "Quét mã QR để đánh giá việc giải quyết hồ sơ của Ông/Bà. Mã chỉ dùng được một lần.",
      validUntil: "Dùng được đến hết ngày",
      cut: "Cắt theo đường viền, mỗi người dân một phiếu.",
      formTitle: "In phiếu đánh giá dùng một lần",
      count: "Số phiếu (1–100)",
      dossier: "Mã hồ sơ (không bắt buộc)",
      dossierHint:
        "Có mã hồ sơ thì chỉ in 1 phiếu: mỗi hồ sơ được đánh giá một lần. Mã hồ sơ không được lưu lại.",
      submit: "Tạo phiếu",
    },
  },
  survey: {
    title: "Khảo sát sự hài lòng",
    intro:
      "Xin Ông/Bà dành khoảng một phút cho biết mức độ hài lòng về sự phục vụ tại đây. Phiếu không ghi tên; câu nào không phù hợp, Ông/Bà có thể bỏ qua.",
    service: {
      label: "Thủ tục Ông/Bà vừa thực hiện",
      choose: "— Chọn thủ tục (không bắt buộc) —",
      search: "Tìm thủ tục",
      noMatch: "Không có thủ tục nào khớp",
    },
    progress: "Đã trả lời {answered}/{total} câu",
    optional: "không bắt buộc",
    commentPrivacy: "Xin đừng ghi họ tên, số điện thoại, số căn cước hay thông tin cá nhân khác.",
    submit: "Gửi ý kiến",
    status: {
      sending: "Đang gửi ý kiến của Ông/Bà…",
      retrying:
        "Mạng chập chờn, đang thử gửi lại… Ý kiến của Ông/Bà đã được lưu trên máy này, xin đừng đóng trang.",
      offline:
        "Máy chưa có kết nối mạng. Ý kiến của Ông/Bà đã được lưu trên máy này và sẽ tự động gửi đi khi có mạng.",
      earlierSending: "Đang gửi ý kiến Ông/Bà đã trả lời lần trước…",
      earlierSent: "Ý kiến lần trước của Ông/Bà đã được gửi. Xin cảm ơn!",
    },
    thanks: {
      title: "Xin cảm ơn Ông/Bà!",
      body: "Ý kiến của Ông/Bà đã được ghi nhận và sẽ giúp cơ quan phục vụ người dân tốt hơn.",
      again: "Bắt đầu phiếu mới",
      kiosk: "Phiếu mới sẽ mở sau {seconds} giây.",
    },
    errors: {
      answerOne: "Xin Ông/Bà trả lời ít nhất một câu hỏi về mức độ hài lòng.",
      invalid: "Có câu trả lời chưa hợp lệ. Xin Ông/Bà kiểm tra lại rồi gửi lại.",
      tokenRequired:
        "Khảo sát tại quầy này dùng đường dẫn riêng in trên phiếu hẹn. Xin Ông/Bà quét mã QR trên phiếu hẹn.",
      tokenInvalid: "Đường dẫn khảo sát này đã hết hạn hoặc không đúng. Xin Ông/Bà hỏi cán bộ tại quầy.",
      tokenUsed: "Đường dẫn này đã được dùng để gửi ý kiến. Mỗi hồ sơ chỉ được đánh giá một lần.",
      duplicate: "Phiếu này đã được gửi trước đó với câu trả lời khác.",
      moved: "Điểm khảo sát này không còn nhận ý kiến.",
      rateLimited: "Có quá nhiều phiếu gửi từ mạng này trong một phút. Xin Ông/Bà thử lại sau ít phút.",
      failed: "Chưa gửi được ý kiến. Xin Ông/Bà thử lại.",
    },
    notFound: {
      title: "Không tìm thấy điểm khảo sát",
      body: "Không có điểm khảo sát nào mang mã {code}. Xin Ông/Bà kiểm tra lại mã in bên dưới mã QR.",
    },
    moved: {
      title: "Quầy này đã chuyển",
      body: "Điểm khảo sát “{label}” của {unit} không còn nhận ý kiến. Xin Ông/Bà quét mã QR đặt tại quầy hiện nay hoặc hỏi cán bộ hướng dẫn.",
    },
    link: {
      requiredTitle: "Cần đường dẫn riêng",
      usedTitle: "Ý kiến đã được gửi",
      invalidTitle: "Đường dẫn không dùng được",
    },
    // The label of the hidden anti-bot field, heard only if assistive technology reaches it anyway.
    honeypot: "Để trống ô này",
  },
  report: {
    // "How these figures are computed", shown next to every report in the console and served by
    // GET /api/v1/reports/method. The rule of SIPAS.md §3 in plain words; change it only with the scoring.
    method: {
      title: "Cách tính các số liệu",
      monitoring:
        "Khảo sát tại quầy là theo dõi thường xuyên theo phương pháp SIPAS, không phải kết quả SIPAS chính thức do Bộ Nội vụ công bố.",
      valid: "Mỗi câu được chấm từ 1 đến 5; câu bỏ trống không được tính vào cả tử số lẫn mẫu số.",
      item: "Chỉ số của một câu = số câu trả lời 4 (Hài lòng) hoặc 5 (Rất hài lòng) chia cho số câu trả lời hợp lệ, nhân 100.",
      element:
        "Chỉ số của một yếu tố = trung bình cộng (không trọng số) chỉ số các câu có trả lời của yếu tố đó; câu hỏi của phiếu rút gọn được tính như một câu của yếu tố.",
      index: "Chỉ số hài lòng theo phương pháp SIPAS = trung bình cộng chỉ số các yếu tố có dữ liệu.",
      mean: "Điểm trung bình (1–5) của một yếu tố = trung bình cộng điểm trung bình các câu của yếu tố đó.",
      sample: "Mỗi số liệu kèm số người trả lời; nhóm dưới 30 người được đánh dấu là mẫu nhỏ.",
      rounding:
        "Số liệu được làm tròn đến 2 chữ số thập phân (nửa lên) chỉ khi hiển thị hoặc xuất tệp; phép tính dùng giá trị chưa làm tròn.",
      days: "Phiếu được tính theo ngày giờ Việt Nam (UTC+7); kỳ báo cáo gồm cả ngày đầu và ngày cuối.",
      unitRows:
        "Dòng của một đơn vị chỉ tính các điểm khảo sát gắn trực tiếp với đơn vị đó; mỗi đơn vị cấp dưới có dòng riêng.",
    },
    formats: {
      xlsxHint:
        "Nên tải tệp Excel (.xlsx): Excel cài đặt tiếng Việt đọc dấu phẩy là dấu thập phân nên có thể hiểu sai số trong tệp CSV.",
    },
  },
} as const;
