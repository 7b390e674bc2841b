import type { LocalizedText } from '../platform/i18n/localized.ts';
import { businessDateOf } from '../platform/time/local-date.ts';
import type { Correction, ProfileField } from './correction-rules.ts';

/**
 * What a person reads when their correction (更正 / 异议) is answered, zh-CN and en: which record, when they
 * asked, what was decided, and the reviewer's own words (what was corrected, or why not). Pure.
 */

const PROFILE_FIELD_NAMES: Readonly<Record<ProfileField, LocalizedText>> = {
  occupation: { zh: '职业', en: 'occupation' },
  residenceCity: { zh: '居住城市', en: 'city of residence' },
  incomeBand: { zh: '收入区间', en: 'income band' },
  education: { zh: '学历', en: 'education' },
  socialInsurance: { zh: '社保缴纳情况', en: 'social insurance' },
  housingFund: { zh: '公积金缴纳情况', en: 'housing fund' },
};

/** The disputed record in a few words: a profile field, a repayment record, or a record by its id. */
export function correctionSubjectText(subject: Correction['subject']): LocalizedText {
  switch (subject.kind) {
    case 'profile': {
      const name = PROFILE_FIELD_NAMES[subject.field];
      return { zh: `个人资料中的“${name.zh}”`, en: `your ${name.en}` };
    }
    case 'repayment':
      return { zh: `还款记录 ${subject.eventId}`, en: `the repayment record ${subject.eventId}` };
    case 'event':
      return { zh: `数据记录 ${subject.eventId}`, en: `the record ${subject.eventId}` };
  }
}

/**
 * The message of an answered correction. `resolution` is what the reviewer wrote for the customer (both
 * languages are required when answering); the filing date is the business date (Asia/Shanghai).
 */
export function correctionAnsweredText(
  correction: Pick<Correction, 'id' | 'subject' | 'filedAt' | 'status' | 'resolution'>,
): LocalizedText {
  const what = correctionSubjectText(correction.subject);
  const filed = businessDateOf(correction.filedAt);
  const words = correction.resolution ?? { zh: '', en: '' };
  if (correction.status === 'corrected')
    return {
      zh: `您于 ${filed} 提出的更正（${what.zh}）已处理：我们已更正。${words.zh}（编号 ${correction.id}）`,
      en: `Your correction of ${what.en}, sent on ${filed}, is answered: we corrected it. ${words.en} (ref. ${correction.id})`,
    };
  return {
    zh: `您于 ${filed} 提出的更正（${what.zh}）已处理：未予更正。原因：${words.zh}如仍有异议，可在“我的数据”中提出新的更正，并附上证明材料。（编号 ${correction.id}）`,
    en: `Your correction of ${what.en}, sent on ${filed}, is answered: we did not change it. Why: ${words.en} If you still disagree, you can send a new correction from My data, with proof. (ref. ${correction.id})`,
  };
}
