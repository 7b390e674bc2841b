import { eventToWire } from '../../src/customers/index.ts';
import { luhnCheckDigit } from '../../src/identity/bank-card.ts';
import { idCheckCharacter } from '../../src/identity/id-number.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { parseMoney } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import type { AuditActor } from '../../src/platform/audit/audit-log.ts';
import { CustomerHistory } from '../../src/demo/index.ts';
import { addDays, businessDateOf, type LocalDate } from '../../src/platform/time/local-date.ts';
import type { AppealTestApp } from '../appeals/support.ts';

const day = (asOf: Date, days: number): LocalDate => addDays(businessDateOf(asOf), days);

/** The appeal suites' "declined twice" borrower (overdue with another lender), under its own event ids. */
function declinedHistory(customerId: string, asOf: Date, prefix: string) {
  return new CustomerHistory(customerId, prefix)
    .consentAll(CustomerHistory.at(day(asOf, -730)))
    .profile(CustomerHistory.at(day(asOf, -730)), { socialInsurance: true, housingFund: true })
    .salary(day(asOf, 0), 12, '9000.00')
    .monthlySpending(day(asOf, 0), 12, 12, '480.00')
    .loan('elsewhere', 'lender-05', 'car-1', day(asOf, -420), 24, '48000.00', day(asOf, 0))
    .loan('elsewhere', 'lender-09', 'home-reno-1', day(asOf, -390), 24, '36000.00', day(asOf, 0))
    .creditLine(CustomerHistory.at(day(asOf, -15)), 'elsewhere', 'bank-cmb', 'cc-1', '60000.00', '3000.00')
    .loan('elsewhere', 'bank-icbc', 'consumer-9', day(asOf, -100), 12, '24000.00', day(asOf, -5), {
      2: null,
      3: null,
    })
    .eventsUntil(asOf);
}

/** A person's identifiers as they were given (what must not survive an erasure anywhere). */
export interface Person {
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly cards: readonly string[];
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
];
const REGIONS = ['110105', '310104', '440305', '320102', '330106', '510107'];

/** A valid, distinct person from a few random numbers (`serial` keeps ID numbers, phones and cards distinct). */
export function personOf(
  serial: number,
  pick: { surname: number; given: number[]; region: number; year: number; day: number; cards: number },
): Person {
  const name = `${SURNAMES[pick.surname % SURNAMES.length]}${pick.given.map((g) => GIVEN[g % GIVEN.length]).join('')}`;
  const month = String((pick.day % 12) + 1).padStart(2, '0');
  const day = String((pick.day % 28) + 1).padStart(2, '0');
  const first17 = `${REGIONS[pick.region % REGIONS.length]}${1960 + (pick.year % 40)}${month}${day}${String(serial % 1000).padStart(3, '0')}`;
  const idNumber = `${first17}${idCheckCharacter(first17)}`;
  const phone = `139${String(70_000_000 + serial).padStart(8, '0')}`;
  const cards = Array.from({ length: pick.cards }, (_, index) => {
    const payload = `622202${String(serial * 10 + index).padStart(12, '0')}`;
    return `${payload}${luhnCheckDigit(payload)}`;
  });
  return { name, idNumber, phone, cards };
}

/** Creates the person through the real use cases: cards bound, verified, the declined-borrower history. */
export async function createPerson(t: AppealTestApp, person: Person, externalId: string): Promise<string> {
  const { customers } = t.app.services;
  const { customer } = await customers.createCustomer({
    externalId,
    name: person.name,
    idNumber: person.idNumber,
    phone: person.phone,
    profile: { occupation: 'engineer', residenceCity: '上海', incomeBand: 'gt50k', education: 'bachelor' },
  });
  for (const card of person.cards) await customers.addCard(customer.customerId, card);
  await customers.verify(customer.customerId);
  const report = await customers.ingestEvents(
    declinedHistory(customer.customerId, t.clock.now(), `erasure-${externalId}`).map(eventToWire),
  );
  if (report.rejected.length > 0) throw new Error(`history refused: ${JSON.stringify(report.rejected[0])}`);
  return customer.customerId;
}

/** A loan drawn and, with `close`, paid off the same day (closed today). Returns the loan id. */
export async function loanFor(
  t: AppealTestApp,
  customerId: string,
  key: string,
  close: boolean,
): Promise<string> {
  const { services } = t.app;
  await services.facilities.openOrAdjustFacility({
    customerId,
    product: 'cash-loan',
    limit: parseMoney('20000.00', 'limit'),
    apr: parseRate('0.18', 'apr'),
    decisionId: t.app.ids.next('decision'),
  });
  const drawn = await services.loans.drawdown({
    customerId,
    amount: 300_000n as Money,
    term: 3,
    method: 'equal-installment',
    idempotencyKey: `draw-${key}`,
  });
  if (drawn.outcome !== 'drawn') throw new Error(`drawdown refused: ${JSON.stringify(drawn)}`);
  const loanId = drawn.receipt.loanId;
  if (close) {
    const quote = await services.loans.payoffQuote(loanId);
    await services.loans.repay({
      loanId,
      amount: quote.total,
      intent: 'prepayment',
      idempotencyKey: `pay-${key}`,
    });
    const loan = await services.loans.getLoan(loanId);
    if (loan.status !== 'closed') throw new Error(`loan ${loanId} not closed: ${loan.status}`);
  }
  return loanId;
}

/** A PDF that carries the person's name and ID number, as a scan of an ID card would. */
export function idCardPdf(person: Person): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.4\n% ${person.name} ${person.idNumber} ${person.phone}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

export const customerActor = (customerId: string): AuditActor => ({
  kind: 'customer',
  id: customerId,
  name: 'customer',
});
export const staffActor: AuditActor = { kind: 'staff', id: 'stf_privacy_officer', name: 'privacy officer' };

/** The forms a value could leak in cheaply: as is, hex and base64 of its UTF-8 (bytea and JSON dumps). */
export function leakForms(value: string): string[] {
  const utf8 = Buffer.from(value, 'utf8');
  return [
    value,
    value.toLowerCase(),
    utf8.toString('hex'),
    utf8.toString('base64').replace(/=+$/, ''),
    encodeURIComponent(value),
  ];
}

/** Every table of the schema, row by row, as text (a backup-shaped dump read through SQL). */
export async function dumpTables(t: AppealTestApp): Promise<string> {
  const tables = await t.app.db.query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await t.app.db.query<{ row: string }>(`select t::text as row from "${table_name}" t`);
    parts.push(`-- ${table_name}`, ...rows.rows.map((r) => r.row));
  }
  return parts.join('\n');
}
