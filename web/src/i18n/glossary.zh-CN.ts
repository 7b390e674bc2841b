/**
 * The one glossary of customer terms in Chinese: every screen says a thing by the same word (额度 is never
 * also 信用额度 or 授信). Catalogue texts refer to a term as $t(glossary.key).
 */
export const glossaryZh = {
  limit: '额度',
  totalLimit: '总额度',
  availableLimit: '可用额度',
  apr: '年化利率',
  dailyRate: '日利率',
  score: '信用分',
  dimensions: '信用分构成',
  verification: '身份验证',
  verificationLevel: '验证等级',
  bankCard: '银行卡',
  cashLoan: '现金借款',
  creditLine: '信用额度',
  borrow: '借款',
  repay: '还款',
  statement: '账单',
  minimumPayment: '最低还款额',
  dueDate: '到期还款日',
  instalments: '分期',
  schedule: '还款计划',
  appeal: '申诉',
  reapply: '重新申请',
  messages: '消息',
  plan: '改善计划',
} as const;
