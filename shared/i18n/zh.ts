import type { Messages } from "./messages.js";

// Simplified Chinese, for visitors from Guangxi and the foreigners served by the department of foreign
// affairs. Wording follows mainland government-service usage (办事, 受理, 意见建议) rather than the Vietnamese
// sentence structure.

export const zh: Messages = {
  common: {
    languageName: "中文",
    languageTag: "zh-Hans",
    language: "语言",
  },
  instrument: {
    forms: {
      full: "完整问卷",
      quick: "简短问卷",
    },
    satisfaction: {
      title: "满意度",
      prompt: "请就以下各项，评价您的满意程度。",
    },
    scale: {
      "1": "非常不满意",
      "2": "不满意",
      "3": "一般",
      "4": "满意",
      "5": "非常满意",
      skip: "不作答",
    },
    elements: {
      TC: "服务可及性",
      TT: "行政手续",
      CC: "经办公务员",
      KQ: "办理结果（准予或不予办理）",
      PA: "意见建议的受理与处理",
    },
    items: {
      TC1: "机关通过多种方式提供办事手续信息，易于获取，通俗易懂",
      TC2: "受理和领取结果的办事场所设有清晰、醒目的标识和指引",
      TC3: "受理和领取结果的办事场所干净整洁、文明有序",
      TC4: "为群众提供的设施设备齐全、质量良好，让办事更加便捷",
      TT1: "办事手续的相关规定在办事场所公开张贴，醒目易懂",
      TT2: "要求提交的申请材料符合规定",
      TT3: "缴纳的费用符合规定标准",
      TT4: "办理时限符合规定",
      CC1: "公务员待人礼貌，尊重群众",
      CC2: "公务员及时、全面地提供信息，答复群众的问题和意见",
      CC3: "公务员对申请材料的指导清楚易懂，群众经一次指导即可备齐材料",
      CC4: "公务员依规办事",
      CC5: "公务员在办理过程中尽心尽责、热情周到",
      KQ1: "按约定时间领取到办理结果",
      KQ2: "办理结果信息完整、准确",
      KQ3: "办理结果公平公正",
      PA1: "机关提供便捷的意见建议反映渠道",
      PA2: "机关依规受理和处理意见建议",
      PA3: "机关及时告知意见建议的处理结果",
      TC: "您对获取服务的便利程度（信息、办事场所、设施设备）满意吗？",
      TT: "您对行政手续（公开张贴、申请材料、收费、办理时限）满意吗？",
      CC: "您对公务员的服务态度和办事指导满意吗？",
      KQ: "您对办理结果（按时、完整、准确、公平）满意吗？",
      PA: "您对意见建议的受理和处理满意吗？",
    },
    expectations: {
      title: "您的期望",
      prompt: "您认为机关应在多大程度上优先改进以下各项？",
      items: {
        E1: "办事手续信息的提供",
        E2: "办事场所和设施设备",
        E3: "公务员的业务能力",
        E4: "公务员的服务态度",
        E5: "网上政务服务",
        E6: "意见建议的受理和处理",
        E7: "简化行政手续",
      },
      levels: {
        "1": "很大程度",
        "2": "较大程度",
        "3": "较小程度",
      },
    },
    respondent: {
      title: "您的基本信息",
      optional: "选填",
      gender: {
        question: "性别",
        options: { male: "男", female: "女", other: "其他" },
      },
      ageBand: {
        question: "年龄",
        options: {
          "18-24": "18–24岁",
          "25-34": "25–34岁",
          "35-49": "35–49岁",
          "50-60": "50–60岁",
          "60+": "60岁以上",
        },
      },
      ethnicity: {
        question: "民族",
        options: {
          kinh: "京族",
          tay: "岱依族",
          nung: "侬族",
          hoa: "华族",
          dao: "瑶族",
          mong: "赫蒙族",
          "san-chay": "山斋族",
          other: "其他",
        },
      },
      education: {
        question: "文化程度",
        options: {
          "primary-or-less": "小学及以下",
          "lower-secondary": "初中",
          "upper-secondary": "高中",
          vocational: "中专、大专",
          university: "大学本科",
          postgraduate: "研究生",
        },
      },
      occupation: {
        question: "职业",
        options: {
          farmer: "农民",
          worker: "工人",
          "civil-servant": "干部、公务员、事业单位人员",
          business: "经商",
          student: "学生",
          retired: "退休",
          other: "其他",
        },
      },
    },
    comment: {
      label: "其他意见",
      hint: "您对改进服务还有什么意见或建议？（不超过2000字）",
    },
  },
};
