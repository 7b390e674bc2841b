import type { LocalizedText } from '../platform/i18n/localized.ts';
import { fen, formatMoney } from '../platform/money/money.ts';
import type { ExportFeatures, ExportIdentity } from './export-ports.ts';
import type { ExportRecord } from './export-rows.ts';
import { SPECIAL_SECTIONS, TABLE_SECTIONS } from './export-sections.ts';

/**
 * The readable summary of a copy: one printable HTML page, in Simplified Chinese then in English, with the
 * same numbers as the JSON document (amounts formatted from the same fen). Pure. What it shows of each
 * section is bounded by what a person reads (decisions, loans, statements, appeals, messages, requests in
 * full; data events and ledger lines as counts by kind and year), so the collector's memory does not grow
 * with the number of events or postings; the JSON document has every record.
 */

type Row = ExportRecord;

export interface SummaryData {
  readonly exportId: string;
  readonly generatedAt: string;
  readonly asOf: string;
  readonly identityMode: 'clear' | 'masked';
  identity: ExportIdentity | null;
  features: ExportFeatures | null;
  readonly counts: Record<string, number>;
  /** Data events by type, then by year. */
  readonly eventsByType: Record<string, Record<string, number>>;
  readonly consents: Row[];
  readonly decisions: Row[];
  readonly loans: Row[];
  readonly creditLines: Row[];
  readonly statements: Row[];
  readonly appeals: Row[];
  readonly notifications: Row[];
  readonly requests: Row[];
  readonly corrections: Row[];
}

const KEPT = new Set([
  'consents',
  'decisions',
  'loans',
  'creditLines',
  'statements',
  'appeals',
  'notifications',
  'requests',
  'corrections',
]);

export function emptySummary(input: {
  exportId: string;
  generatedAt: string;
  asOf: string;
  identityMode: 'clear' | 'masked';
}): SummaryData {
  return {
    ...input,
    identity: null,
    features: null,
    counts: {},
    eventsByType: {},
    consents: [],
    decisions: [],
    loans: [],
    creditLines: [],
    statements: [],
    appeals: [],
    notifications: [],
    requests: [],
    corrections: [],
  };
}

/** Adds one exported record of `section` to the summary. */
export function addToSummary(summary: SummaryData, section: string, record: Row): void {
  summary.counts[section] = (summary.counts[section] ?? 0) + 1;
  if (section === 'events') {
    const type = String(record.type);
    const year = String(record.occurredAt ?? '').slice(0, 4);
    const byYear = (summary.eventsByType[type] ??= {});
    byYear[year] = (byYear[year] ?? 0) + 1;
    return;
  }
  if (KEPT.has(section)) (summary[section as keyof SummaryData] as Row[]).push(record);
}

type Lang = 'zh' | 'en';

const T = {
  title: { zh: '您的个人信息副本', en: 'A copy of your personal data' },
  intro: {
    zh: '这是我们保存的关于您的全部信息的摘要。完整记录在同一次导出的 JSON 文件中（机器可读）。',
    en: 'This is a summary of everything we hold about you. Every record is in the JSON file of the same copy (machine-readable).',
  },
  made: { zh: '生成时间', en: 'Made at' },
  asOf: { zh: '特征计算日期', en: 'Features as of' },
  copyId: { zh: '副本编号', en: 'Copy id' },
  masked: {
    zh: '本副本由工作人员代为申请，身份信息已部分隐藏。',
    en: 'Staff asked for this copy on your behalf: your identifiers are partly hidden.',
  },
  name: { zh: '姓名', en: 'Name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '手机号', en: 'Phone' },
  birthDate: { zh: '出生日期', en: 'Birth date' },
  region: { zh: '地区代码', en: 'Region code' },
  opened: { zh: '开户时间', en: 'Opened' },
  cards: { zh: '银行卡', en: 'Bank cards' },
  removed: { zh: '已解绑', en: 'removed' },
  what: { zh: '内容', en: 'What' },
  count: { zh: '条数', en: 'Records' },
  type: { zh: '类型', en: 'Type' },
  year: { zh: '年份', en: 'Year' },
  date: { zh: '日期', en: 'Date' },
  product: { zh: '产品', en: 'Product' },
  outcome: { zh: '结果', en: 'Outcome' },
  limit: { zh: '额度', en: 'Limit' },
  reasons: { zh: '原因', en: 'Reasons' },
  recourse: { zh: '您可以这样做', en: 'What you can do' },
  principal: { zh: '本金', en: 'Principal' },
  term: { zh: '期限（月）', en: 'Term (months)' },
  status: { zh: '状态', en: 'Status' },
  closing: { zh: '期末余额', en: 'Closing balance' },
  minimum: { zh: '最低还款', en: 'Minimum payment' },
  due: { zh: '到期日', en: 'Due date' },
  source: { zh: '数据来源', en: 'Data source' },
  granted: { zh: '授权', en: 'Granted' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  feature: { zh: '特征', en: 'Feature' },
  value: { zh: '取值', en: 'Value' },
  message: { zh: '内容', en: 'Message' },
  kind: { zh: '种类', en: 'Kind' },
  none: { zh: '无', en: 'None' },
  sections: { zh: '各部分记录数', en: 'Records in each part' },
  outcomes: {
    zh: { approved: '通过', declined: '暂未通过', referred: '人工审核' } as Record<string, string>,
    en: { approved: 'approved', declined: 'not approved', referred: 'referred to a person' } as Record<
      string,
      string
    >,
  },
} as const;

const escape = (text: unknown): string =>
  String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const money = (fenText: unknown, lang: Lang): string =>
  fenText === null || fenText === undefined
    ? ''
    : formatMoney(fen(BigInt(String(fenText))), lang === 'zh' ? 'zh-CN' : 'en');

const localized = (value: unknown, lang: Lang): string => {
  if (value && typeof value === 'object' && lang in value) return String((value as LocalizedText)[lang]);
  return typeof value === 'string' ? value : '';
};

function table(headers: readonly string[], rows: readonly (readonly string[])[], lang: Lang): string {
  if (rows.length === 0) return `<p class="none">${T.none[lang]}</p>`;
  return `<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function identityBlock(summary: SummaryData, lang: Lang): string {
  const who = summary.identity;
  if (!who) return '';
  const cards = who.cards.map(
    (card) =>
      `${escape(card.cardNumber)}${card.issuer ? ` (${escape(card.issuer)})` : ''}${card.removedAt ? ` — ${T.removed[lang]}` : ''}`,
  );
  return `<dl>
<dt>${T.name[lang]}</dt><dd>${escape(who.name)}</dd>
<dt>${T.idNumber[lang]}</dt><dd>${escape(who.idNumber)}</dd>
<dt>${T.phone[lang]}</dt><dd>${escape(who.phone)}</dd>
<dt>${T.birthDate[lang]}</dt><dd>${escape(who.birthDate)}</dd>
<dt>${T.region[lang]}</dt><dd>${escape(who.regionCode)}</dd>
<dt>${T.opened[lang]}</dt><dd>${escape(who.createdAt)}</dd>
<dt>${T.cards[lang]}</dt><dd>${cards.length > 0 ? cards.join('<br>') : T.none[lang]}</dd>
</dl>`;
}

function decisionRows(summary: SummaryData, lang: Lang): string[][] {
  return summary.decisions.map((d) => {
    const reasons = Array.isArray(d.reasons)
      ? (d.reasons as unknown[]).map((reason) => escape(localized((reason as { text?: unknown }).text, lang)))
      : [];
    const recourse = d.recourse as { status?: string; actions?: unknown[]; text?: unknown } | null;
    const steps =
      recourse?.status === 'plan' && Array.isArray(recourse.actions)
        ? recourse.actions.map((action) => escape(localized((action as { text?: unknown }).text, lang)))
        : recourse?.text
          ? [escape(localized(recourse.text, lang))]
          : [];
    return [
      escape(d.decisionDate),
      escape(d.productCode),
      escape(T.outcomes[lang][String(d.outcome)] ?? d.outcome),
      escape(money(d.limitAmountFen, lang)),
      reasons.length > 0 ? `<ol>${reasons.map((r) => `<li>${r}</li>`).join('')}</ol>` : '',
      steps.length > 0 ? `<ul>${steps.map((s) => `<li>${s}</li>`).join('')}</ul>` : '',
    ];
  });
}

function body(summary: SummaryData, lang: Lang): string {
  const sectionTitle = (name: string): string =>
    TABLE_SECTIONS.find((section) => section.name === name)?.title[lang] ?? name;
  const parts: string[] = [];
  parts.push(`<h1>${T.title[lang]}</h1><p>${T.intro[lang]}</p>`);
  parts.push(
    `<p class="meta">${T.copyId[lang]}: ${escape(summary.exportId)} · ${T.made[lang]}: ${escape(summary.generatedAt)} · ${T.asOf[lang]}: ${escape(summary.asOf)}</p>`,
  );
  if (summary.identityMode === 'masked') parts.push(`<p class="note">${T.masked[lang]}</p>`);
  parts.push(`<h2>${SPECIAL_SECTIONS.identity[lang]}</h2>${identityBlock(summary, lang)}`);
  parts.push(
    `<h2>${sectionTitle('consents')}</h2>${table(
      [T.date[lang], T.source[lang], T.granted[lang]],
      summary.consents.map((c) => {
        const payload = (c.payload ?? {}) as Record<string, unknown>;
        return [
          escape(c.occurredAt),
          escape(payload.dataSource),
          payload.granted === true || payload.granted === 'true' ? T.yes[lang] : T.no[lang],
        ];
      }),
      lang,
    )}`,
  );
  const features = (summary.features?.features ?? {}) as Record<string, unknown>;
  parts.push(
    `<h2>${SPECIAL_SECTIONS.features[lang]}</h2>${table(
      [T.feature[lang], T.value[lang]],
      Object.entries(features).map(([name, value]) => [escape(name), escape(value)]),
      lang,
    )}`,
  );
  parts.push(
    `<h2>${sectionTitle('decisions')}</h2>${table(
      [T.date[lang], T.product[lang], T.outcome[lang], T.limit[lang], T.reasons[lang], T.recourse[lang]],
      decisionRows(summary, lang),
      lang,
    )}`,
  );
  parts.push(
    `<h2>${sectionTitle('loans')}</h2>${table(
      [T.date[lang], T.principal[lang], T.term[lang], T.status[lang]],
      summary.loans.map((loan) => [
        escape(loan.startDate),
        escape(money(loan.principalFen, lang)),
        escape(loan.term),
        escape(loan.status),
      ]),
      lang,
    )}`,
  );
  parts.push(
    `<h2>${sectionTitle('statements')}</h2>${table(
      [T.date[lang], T.closing[lang], T.minimum[lang], T.due[lang]],
      summary.statements.map((s) => [
        escape(s.statementDate),
        escape(money(s.closingBalanceFen, lang)),
        escape(money(s.minimumPaymentFen, lang)),
        escape(s.dueDate),
      ]),
      lang,
    )}`,
  );
  parts.push(
    `<h2>${sectionTitle('appeals')}</h2>${table(
      [T.date[lang], T.kind[lang], T.status[lang]],
      summary.appeals.map((a) => [
        escape(a.filedAt),
        escape(a.category),
        escape(`${String(a.status)}${a.resolution ? ` (${String(a.resolution)})` : ''}`),
      ]),
      lang,
    )}`,
  );
  parts.push(
    `<h2>${sectionTitle('notifications')}</h2>${table(
      [T.date[lang], T.message[lang]],
      summary.notifications.map((n) => [escape(n.createdAt), escape(localized(n.text, lang))]),
      lang,
    )}`,
  );
  parts.push(
    `<h2>${sectionTitle('events')}</h2>${table(
      [T.type[lang], T.year[lang], T.count[lang]],
      Object.entries(summary.eventsByType)
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([type, years]) =>
          Object.entries(years)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([year, count]) => [escape(type), escape(year), escape(count)]),
        ),
      lang,
    )}`,
  );
  parts.push(
    `<h2>${sectionTitle('requests')}</h2>${table(
      [T.date[lang], T.kind[lang], T.status[lang]],
      summary.requests.map((r) => [escape(r.requestedAt), escape(r.kind), escape(r.status)]),
      lang,
    )}`,
  );
  parts.push(
    `<h2>${T.sections[lang]}</h2>${table(
      [T.what[lang], T.count[lang]],
      TABLE_SECTIONS.map((section) => [
        escape(section.title[lang]),
        escape(summary.counts[section.name] ?? 0),
      ]),
      lang,
    )}`,
  );
  return `<section lang="${lang === 'zh' ? 'zh-CN' : 'en'}">${parts.join('\n')}</section>`;
}

/** The whole page: zh-CN, a page break, then English; no script, no external resource. */
export function renderSummaryHtml(summary: SummaryData): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${T.title.zh} / ${T.title.en}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:2rem;color:#111;line-height:1.5}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}
.meta,.none{color:#444}.note{background:#fff7d6;padding:.5rem}section+section{break-before:page;margin-top:3rem}
@media print{body{margin:1cm}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head><body>
${body(summary, 'zh')}
${body(summary, 'en')}
</body></html>
`;
}
