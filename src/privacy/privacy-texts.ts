import type { LocalDate } from '../platform/time/local-date.ts';
import type { Bilingual, ErasureHold } from './erasure-holds.ts';

/**
 * What a person reads about their erasure request, zh-CN and en: each hold in plain words with the record,
 * the date and the rule's citation, and a summary line saying what happens next. A legal hold's reason is
 * the lender's (it may name a court case): the customer reads that the law requires keeping the data and
 * until when; staff read the reason too (`audience: 'staff'`).
 */

const SUBJECT: Readonly<Record<ErasureHold['subject']['type'], Bilingual>> = {
  loan: { zh: '贷款', en: 'loan' },
  line: { zh: '信用额度', en: 'credit line' },
  appeal: { zh: '申诉', en: 'appeal' },
  correction: { zh: '异议（更正请求）', en: 'correction request' },
  legal_hold: { zh: '法律保全', en: 'legal hold' },
};

/** One hold as a sentence. */
export function holdText(hold: ErasureHold, audience: 'customer' | 'staff' = 'customer'): Bilingual {
  const what = SUBJECT[hold.subject.type];
  const id = hold.subject.id;
  const cite = hold.citation;
  switch (hold.kind) {
    case 'open_credit':
      return {
        zh: `您的${what.zh} ${id} 尚未结清。结清之前我们必须保留您的资料；结清后我们会按保存期限再作处理。依据：${cite?.zh ?? ''}`,
        en: `Your ${what.en} ${id} is not closed yet. We must keep your data until it is; after that the retention period applies. Rule: ${cite?.en ?? ''}`,
      };
    case 'retention':
      return {
        zh: `您的${what.zh} ${id} 已于 ${hold.closedOn ?? ''} 结清，其记录须保留至 ${hold.heldThrough ?? ''}（含当日）。依据：${cite?.zh ?? ''}`,
        en: `Your ${what.en} ${id} closed on ${hold.closedOn ?? ''}; its records must be kept through ${hold.heldThrough ?? ''}. Rule: ${cite?.en ?? ''}`,
      };
    case 'open_appeal':
      return {
        zh: `您的${what.zh} ${id} 正在处理中。处理完毕（或您撤回）之前我们必须保留相关资料。依据：${cite?.zh ?? ''}`,
        en: `Your ${what.en} ${id} is still being handled. We must keep the data it concerns until it is resolved (or you withdraw it). Rule: ${cite?.en ?? ''}`,
      };
    case 'legal_hold': {
      const base = {
        zh: `依法律程序的要求，您的资料须保留至 ${hold.heldThrough ?? ''}（含当日）。`,
        en: `A legal obligation requires us to keep your data through ${hold.heldThrough ?? ''}.`,
      };
      if (audience === 'customer') return base;
      const authority = hold.authority ? ` (${hold.authority})` : '';
      return {
        zh: `${base.zh}原因：${hold.reason ?? ''}${authority}`,
        en: `${base.en} Reason: ${hold.reason ?? ''}${authority}`,
      };
    }
  }
}

export type ErasureStatusForText = 'completed' | 'blocked' | 'received' | 'cancelled';

/** The summary line of an erasure request: done, or kept and until when, and what happens then. */
export function erasureSummary(
  status: ErasureStatusForText,
  holds: readonly ErasureHold[],
  erasableFrom: LocalDate | null,
): Bilingual {
  if (status === 'completed')
    return {
      zh: '您的个人信息已删除：姓名、身份证号、手机号、银行卡和申诉材料已无法再被读取。账务和决策记录以“已删除”的身份保留。',
      en: 'Your personal data has been erased: your name, ID number, phone, bank cards and appeal files can no longer be read. Accounting and decision records are kept with the identity shown as "erased".',
    };
  if (status === 'cancelled')
    return { zh: '这项删除请求已撤销。', en: 'This erasure request was cancelled.' };
  const count = holds.length;
  if (erasableFrom)
    return {
      zh: `我们暂时不能删除您的资料：有 ${count} 项保留要求（见下）。${erasableFrom} 起我们会自动删除，无需再次申请。`,
      en: `We cannot erase your data yet: ${count} ${count === 1 ? 'requirement keeps' : 'requirements keep'} it (below). From ${erasableFrom} we will erase it automatically; you need not ask again.`,
    };
  return {
    zh: `我们暂时不能删除您的资料：有 ${count} 项保留要求（见下）。相关事项结束、保存期限届满后我们会自动删除，无需再次申请。`,
    en: `We cannot erase your data yet: ${count} ${count === 1 ? 'requirement keeps' : 'requirements keep'} it (below). Once they end and any retention period has passed we will erase it automatically; you need not ask again.`,
  };
}
