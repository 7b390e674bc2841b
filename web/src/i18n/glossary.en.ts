import type { Glossary } from './catalogue.ts';

/** The one glossary of customer terms in English (see glossary.zh-CN.ts). */
export const glossaryEn: Glossary = {
  limit: 'credit limit',
  totalLimit: 'total limit',
  availableLimit: 'available to borrow',
  apr: 'annual rate (APR)',
  dailyRate: 'daily rate',
  score: 'credit score',
  dimensions: 'what makes up your score',
  verification: 'identity check',
  verificationLevel: 'check level',
  bankCard: 'bank card',
  cashLoan: 'cash loan',
  creditLine: 'credit line',
  borrow: 'borrow',
  repay: 'repay',
  statement: 'statement',
  minimumPayment: 'minimum payment',
  dueDate: 'due date',
  instalments: 'instalments',
  schedule: 'repayment schedule',
  appeal: 'appeal',
  reapply: 'apply again',
  messages: 'messages',
  plan: 'plan',
};
