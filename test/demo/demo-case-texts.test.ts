import { beforeAll, describe, expect, it } from 'vitest';
import { customerText } from '../../src/decisions/decision-view.ts';
import { DEMO_CASES, type DemoCaseKey } from '../../src/demo/cases/demo-cases.ts';
import { decisionTestApp, type DecisionTestApp } from '../decisions/support.ts';
import { problems } from '../texts/plain-words.ts';

/**
 * What each demo customer reads, exactly, in both languages — decided on 2026-11-22 10:00 Shanghai with
 * the demo scorecard, the default policy and the demo's tightening (the figures are worked out in
 * test/decisions/decision-demo-cases.test.ts). Every line also passes the plain-words checks.
 */
let t: DecisionTestApp;
beforeAll(async () => {
  t = await decisionTestApp();
});

const EXPECTED: Readonly<
  Record<DemoCaseKey, { readonly zh: readonly string[]; readonly en: readonly string[] }>
> = {
  clean_approval: {
    zh: ['审批通过', '  额度 ¥80,000.00，年化利率 7.30%（日利率 0.020%）'],
    en: ['Approved', '  Limit CNY 80,000.00 at 7.30% a year (0.020% a day)'],
  },
  low_score: {
    zh: [
      '暂未通过',
      '  原因：',
      '    1. 征信记录显示您在其他机构有¥2,000.00逾期未还，还清后可以重新申请。',
      '    2. 您的信用评分为530，该产品目前要求至少630。',
      '    3. 您已使用信用额度的98%，还掉部分欠款、降低信用额度使用率会有帮助。',
      '    4. 近12个月您的消费金额为¥4,370.00，保持日常稳定的消费会有帮助。',
      '  您可以这样做：',
      '    - 还清在其他机构的逾期欠款¥2,000.00',
      '    - 还掉部分欠款，把信用额度使用率降到14%以下',
    ],
    en: [
      'Not approved for now',
      '  Why:',
      '    1. Your credit report shows CNY 2,000.00 overdue with other lenders; once it is repaid you can apply again.',
      '    2. Your credit score is 530; this product currently needs at least 630.',
      '    3. You are using 98% of your credit limits; paying your balances down helps.',
      '    4. Your card spending over the last 12 months came to CNY 4,370.00; regular everyday spending helps.',
      '  What you can do:',
      '    - Repay the CNY 2,000.00 overdue with other lenders',
      '    - Pay your balances down until you use 14% of your credit limits or less',
    ],
  },
  unverified_phone: {
    zh: [
      '暂未通过',
      '  原因：',
      '    1. 该产品需要绑定一张本人名下的银行卡，您目前已核验身份证号与姓名。请使用本人实名登记的手机号完成验证，再绑定一张本人名下的银行卡（我们会核对姓名、身份证号、卡号和银行预留手机号）。',
      '  您可以这样做：',
      '    - 完成实名认证：使用本人实名登记的手机号完成验证，再绑定一张本人名下的银行卡（我们会核对姓名、身份证号、卡号和银行预留手机号）',
    ],
    en: [
      'Not approved for now',
      '  Why:',
      '    1. This product needs a bank card in your own name linked to your account; so far you have had your ID number checked against your name. To go on, confirm a phone number registered in your own name, then link a bank card in your own name (we check your name, ID number, card number and the phone number your bank holds).',
      '  What you can do:',
      '    - Complete your identity check: confirm a phone number registered in your own name, then link a bank card in your own name (we check your name, ID number, card number and the phone number your bank holds)',
    ],
  },
  thin_file: {
    zh: [
      '暂未通过',
      '  原因：',
      '    1. 您的信用记录目前只有1个月，首次申请需要至少3个月。',
      '  您可以这样做：',
      '    - 继续积累信用记录，到2027年1月22日满3个月',
    ],
    en: [
      'Not approved for now',
      '  Why:',
      '    1. Your credit history covers 1 month so far; a first application needs at least 3 months.',
      '  What you can do:',
      '    - Keep building your credit history: 3 months by 22 Jan 2027',
    ],
  },
  multi_head: {
    zh: [
      '暂未通过',
      '  原因：',
      '    1. 近30天内您提交了7次贷款或信用卡申请，我们最多接受5次；暂停新的申请会有帮助。',
      '  您可以这样做：',
      '    - 2026年12月1日前不要再提交新的贷款或信用卡申请（届时近30天的申请将降至5次）',
    ],
    en: [
      'Not approved for now',
      '  Why:',
      '    1. You made 7 applications for loans or credit cards in the last 30 days; we accept at most 5. Holding off on new applications helps.',
      '  What you can do:',
      '    - Make no new credit applications until 1 Dec 2026 (you will then have 5 in the last 30 days)',
    ],
  },
  abnormal_limit_checks: {
    zh: [
      '暂未通过',
      '  原因：',
      '    1. 我们发现您的账户近期有异常操作，已为您开启账户安全保护，预计2026年11月26日解除；保护期间暂不受理借款申请。',
      '  您可以这样做：',
      '    - 账户安全保护将于2026年11月26日解除，之后可以再次申请',
    ],
    en: [
      'Not approved for now',
      '  Why:',
      '    1. We noticed unusual activity on your account and put a temporary safety hold on it until 26 Nov 2026; we cannot consider credit applications while it is on.',
      '  What you can do:',
      '    - The safety hold ends on 26 Nov 2026; you can apply again after that',
    ],
  },
  tightened_policy: {
    zh: [
      '暂未通过',
      '  原因：',
      '    1. 我们近期收紧了借款审批，该产品要求的信用评分由600提高到630，您的信用评分为612。',
      '    2. 您已使用信用额度的92%，还掉部分欠款、降低信用额度使用率会有帮助。',
      '    3. 近180天内您提交了4次贷款或信用卡申请，减少新的申请会有帮助。',
      '    4. 近30天内您提交了1次贷款或信用卡申请，减少新的申请会有帮助。',
      '  您可以这样做：',
      '    - 还掉部分欠款，把信用额度使用率降到44%以下',
    ],
    en: [
      'Not approved for now',
      '  Why:',
      '    1. We have tightened our lending: this product now needs a credit score of at least 630 instead of 600, and yours is 612.',
      '    2. You are using 92% of your credit limits; paying your balances down helps.',
      '    3. You made 4 applications for loans or credit cards in the last 180 days; fewer new applications help.',
      '    4. You made 1 application for loans or credit cards in the last 30 days; fewer new applications help.',
      '  What you can do:',
      '    - Pay your balances down until you use 44% of your credit limits or less',
    ],
  },
  new_user_first_limit: {
    zh: [
      '审批通过',
      '  额度 ¥5,000.00，年化利率 7.30%（日利率 0.020%）',
      '  原因：',
      '    1. 新用户的首次额度为¥5,000.00，之后按时还款，额度会逐步提高。',
    ],
    en: [
      'Approved',
      '  Limit CNY 5,000.00 at 7.30% a year (0.020% a day)',
      '  Why:',
      '    1. New customers start with a limit of CNY 5,000.00; each month you repay on time helps it grow.',
    ],
  },
  outage: {
    zh: ['转人工审核', '  原因：', '    1. 系统暂时无法完成评估，申请已转人工审核，这不是拒绝。'],
    en: [
      'Passed to a person for review',
      '  Why:',
      '    1. We could not complete the assessment because of a technical fault; a person will review it. This is not a decline.',
    ],
  },
};

describe('demo-case texts', () => {
  for (const demo of DEMO_CASES) {
    it(`${demo.key}: reads exactly as expected in zh-CN and en`, async () => {
      const record = await t.app.services.decisions.decide({
        customerId: t.personas.get(demo.key) ?? '',
        productCode: demo.product ?? 'cash_loan',
        requestedAmount: null,
      });
      const zh = customerText(record, 'zh').split('\n');
      const en = customerText(record, 'en').split('\n');
      expect({ zh, en }).toEqual(EXPECTED[demo.key]);
      expect(problems({ zh: zh.join('\n'), en: en.join('\n') })).toEqual([]);
    });
  }
});
