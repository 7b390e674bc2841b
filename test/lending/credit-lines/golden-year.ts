/**
 * A scripted year of one customer's credit line, with every statement worked out by hand (the working is
 * in the comments). Line opened 2026-01-05, statement day 1, due day 10, 0.05 % a day (APR 18.25 % / 365 =
 * exactly 1/2000), minimum 10 % of revolving principal rounded up + instalments, fees and interest, floor
 * ¥100; interest from posting dates on the unpaid part when a statement is not paid in full.
 *
 * Jan  10 buy ¥1,200; 20 Jan buy ¥800.                 Statement 1 (1 Feb): ¥2,000, minimum ¥200.
 * Feb   8 pay ¥2,000 in full; 15 Feb buy ¥3,000; 25 Feb buy ¥500.  Statement 2 (1 Mar): ¥3,500, min ¥350.
 * Mar  10 pay ¥1,000 (≥ minimum, not in full) — oldest posting first: ¥2,000 of 15 Feb and ¥500 of 25 Feb
 *      stay unpaid. 11 Mar: 200,000 × 23 days (15 Feb→10 Mar) + 50,000 × 13 days = 5,250,000 fen-days
 *      ÷ 2000 = 2,625 fen, then 125 fen a day. 20 Mar buy ¥600. 25 Mar pay ¥2,500 (clears statement 2):
 *      11–25 Mar = 15 days × 125 = 1,875 → interest of statement 2 = ¥45.00.
 *                                                      Statement 3 (1 Apr): 3,500 + 600 − 3,500 + 45 = ¥645.00,
 *                                                      minimum ⌈¥60⌉ + ¥45 = ¥105.00, due 10 Apr.
 * Apr  10 missed. 11 Apr: 1 day past due (M1); 60,000 × 21 days (20 Mar→10 Apr) = 1,260,000 → 630 fen,
 *      + 30 fen a day. 15 Apr buy ¥4,000. 18 Apr pay ¥300 (interest ¥45 first, then ¥255 of principal:
 *      ¥345 left; cured). Interest: 1,260,000 + 8 × 60,000 (11–18 Apr) + 12 × 34,500 (19–30 Apr)
 *      = 2,154,000 → 1,077 fen in April.           Statement 4 (1 May): 645 + 4,000 − 300 + 10.77 = ¥4,355.77,
 *                                                      minimum 10 % × (345 + 4,000) + 10.77 = ¥445.27.
 * May   5 convert statement 4's ¥4,000 into 6 periods at 0.70 % (fee ¥28.00; parts ¥666.67 × 4, ¥666.66 × 2).
 *      10 May pay ¥355.77 (interest 10.77 and the ¥345): statement 3's interest ends at 2,154,000 + 10 ×
 *      34,500 = 2,499,000 → 1,249.5 → 1,250 fen (half up): 1.73 more in May. 20 May buy ¥1,500.
 *                                                      Statement 5 (1 Jun): 4,355.77 + 1,500 − 355.77 − 4,000
 *                                                      + 1.73 + 28 + 666.67 = ¥2,196.40; minimum 150 + 666.67
 *                                                      + 28 + 1.73 = ¥846.40; not yet billed ¥3,333.33.
 * Jun   9 pay ¥2,196.40 in full. 11 Jun buy ¥200. 12 Jun refund ¥500 of the 20 May purchase (billed and
 *      paid): it pays the ¥200 and ¥300 is held.      Statement 6 (1 Jul): period 2 billed (694.67), held
 *                                                      ¥300 used: ¥394.67, minimum ¥394.67.
 * Jul  10 pay ¥394.67. 15 Jul buy ¥1,000.              Statement 7 (1 Aug): ¥1,694.67, minimum 100 + 694.67.
 * Aug  10 pay the minimum ¥794.67: fee 28, then oldest principal: ¥766.67 of the 15 Jul purchase. Unpaid:
 *      ¥233.33 (since 15 Jul, 26 days) and the instalment ¥666.67 (since 1 Aug, 9 days): 23,333 × 26 +
 *      66,667 × 9 = 1,206,661 fen-days; 20 Aug pay ¥900 (10 days × 90,000): 2,106,661 → 1,053 fen.
 *                                                      Statement 8 (1 Sep): 28 + 666.67 + 10.53 = ¥705.20.
 * Sep–Nov pay each statement in full: periods 5 and 6 are ¥666.66 + ¥28.  Statement 11 (1 Dec): ¥0.
 * Dec   3 buy ¥250.                                    Statement 12 (1 Jan 2027): ¥250, minimum ¥100.
 * 2027-01-08 pay ¥250.
 *
 * Interest income ¥45.00 + ¥12.50 + ¥10.53 = ¥68.03; fee income 6 × ¥28 = ¥168.00.
 */

export type GoldenStep =
  | { readonly date: string; readonly kind: 'purchase'; readonly amount: bigint; readonly name: string }
  | { readonly date: string; readonly kind: 'payment'; readonly amount: bigint }
  | { readonly date: string; readonly kind: 'refund'; readonly amount: bigint; readonly of: string }
  | {
      readonly date: string;
      readonly kind: 'convert-statement';
      readonly statementSeq: number;
      readonly term: number;
    };

export const GOLDEN_OPENED_ON = '2026-01-05';
export const GOLDEN_END = '2027-01-11';

export const GOLDEN_STEPS: readonly GoldenStep[] = [
  { date: '2026-01-10', kind: 'purchase', amount: 120_000n, name: 'P1' },
  { date: '2026-01-20', kind: 'purchase', amount: 80_000n, name: 'P2' },
  { date: '2026-02-08', kind: 'payment', amount: 200_000n },
  { date: '2026-02-15', kind: 'purchase', amount: 300_000n, name: 'P3' },
  { date: '2026-02-25', kind: 'purchase', amount: 50_000n, name: 'P4' },
  { date: '2026-03-10', kind: 'payment', amount: 100_000n },
  { date: '2026-03-20', kind: 'purchase', amount: 60_000n, name: 'P5' },
  { date: '2026-03-25', kind: 'payment', amount: 250_000n },
  { date: '2026-04-15', kind: 'purchase', amount: 400_000n, name: 'P6' },
  { date: '2026-04-18', kind: 'payment', amount: 30_000n },
  { date: '2026-05-05', kind: 'convert-statement', statementSeq: 4, term: 6 },
  { date: '2026-05-10', kind: 'payment', amount: 35_577n },
  { date: '2026-05-20', kind: 'purchase', amount: 150_000n, name: 'P8' },
  { date: '2026-06-09', kind: 'payment', amount: 219_640n },
  { date: '2026-06-11', kind: 'purchase', amount: 20_000n, name: 'P9' },
  { date: '2026-06-12', kind: 'refund', amount: 50_000n, of: 'P8' },
  { date: '2026-07-10', kind: 'payment', amount: 39_467n },
  { date: '2026-07-15', kind: 'purchase', amount: 100_000n, name: 'P10' },
  { date: '2026-08-10', kind: 'payment', amount: 79_467n },
  { date: '2026-08-20', kind: 'payment', amount: 90_000n },
  { date: '2026-09-10', kind: 'payment', amount: 70_520n },
  { date: '2026-10-10', kind: 'payment', amount: 69_466n },
  { date: '2026-11-10', kind: 'payment', amount: 69_466n },
  { date: '2026-12-03', kind: 'purchase', amount: 25_000n, name: 'P11' },
  { date: '2027-01-08', kind: 'payment', amount: 25_000n },
];

/** Every statement of the year, in fen, as worked out above. */
export const GOLDEN_STATEMENTS = [
  {
    seq: 1,
    statementDate: '2026-02-01',
    dueDate: '2026-02-10',
    periodStart: '2026-01-05',
    periodEnd: '2026-01-31',
    openingBalance: 0n,
    purchases: 200_000n,
    refunds: 0n,
    instalmentRefunds: 0n,
    payments: 0n,
    payouts: 0n,
    lateFees: 0n,
    reversals: 0n,
    waivers: 0n,
    fees: 0n,
    interest: 0n,
    instalmentPrincipal: 0n,
    converted: 0n,
    closingBalance: 200_000n,
    minimumPayment: 20_000n,
    instalmentsNotYetBilled: 0n,
  },
  {
    seq: 2,
    statementDate: '2026-03-01',
    dueDate: '2026-03-10',
    periodStart: '2026-02-01',
    periodEnd: '2026-02-28',
    openingBalance: 200_000n,
    purchases: 350_000n,
    refunds: 0n,
    instalmentRefunds: 0n,
    payments: 200_000n,
    payouts: 0n,
    lateFees: 0n,
    reversals: 0n,
    waivers: 0n,
    fees: 0n,
    interest: 0n,
    instalmentPrincipal: 0n,
    converted: 0n,
    closingBalance: 350_000n,
    minimumPayment: 35_000n,
    instalmentsNotYetBilled: 0n,
  },
  {
    seq: 3,
    statementDate: '2026-04-01',
    dueDate: '2026-04-10',
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    openingBalance: 350_000n,
    purchases: 60_000n,
    refunds: 0n,
    instalmentRefunds: 0n,
    payments: 350_000n,
    payouts: 0n,
    lateFees: 0n,
    reversals: 0n,
    waivers: 0n,
    fees: 0n,
    interest: 4_500n,
    instalmentPrincipal: 0n,
    converted: 0n,
    closingBalance: 64_500n,
    minimumPayment: 10_500n,
    instalmentsNotYetBilled: 0n,
  },
  {
    seq: 4,
    statementDate: '2026-05-01',
    dueDate: '2026-05-10',
    periodStart: '2026-04-01',
    periodEnd: '2026-04-30',
    openingBalance: 64_500n,
    purchases: 400_000n,
    refunds: 0n,
    instalmentRefunds: 0n,
    payments: 30_000n,
    payouts: 0n,
    lateFees: 0n,
    reversals: 0n,
    waivers: 0n,
    fees: 0n,
    interest: 1_077n,
    instalmentPrincipal: 0n,
    converted: 0n,
    closingBalance: 435_577n,
    minimumPayment: 44_527n,
    instalmentsNotYetBilled: 0n,
  },
  {
    seq: 5,
    statementDate: '2026-06-01',
    dueDate: '2026-06-10',
    periodStart: '2026-05-01',
    periodEnd: '2026-05-31',
    openingBalance: 435_577n,
    purchases: 150_000n,
    refunds: 0n,
    instalmentRefunds: 0n,
    payments: 35_577n,
    payouts: 0n,
    lateFees: 0n,
    reversals: 0n,
    waivers: 0n,
    fees: 2_800n,
    interest: 173n,
    instalmentPrincipal: 66_667n,
    converted: 400_000n,
    closingBalance: 219_640n,
    minimumPayment: 84_640n,
    instalmentsNotYetBilled: 333_333n,
  },
  {
    seq: 6,
    statementDate: '2026-07-01',
    dueDate: '2026-07-10',
    periodStart: '2026-06-01',
    periodEnd: '2026-06-30',
    openingBalance: 219_640n,
    purchases: 20_000n,
    refunds: 50_000n,
    instalmentRefunds: 0n,
    payments: 219_640n,
    payouts: 0n,
    lateFees: 0n,
    reversals: 0n,
    waivers: 0n,
    fees: 2_800n,
    interest: 0n,
    instalmentPrincipal: 66_667n,
    converted: 0n,
    closingBalance: 39_467n,
    minimumPayment: 39_467n,
    instalmentsNotYetBilled: 266_666n,
  },
  {
    seq: 7,
    statementDate: '2026-08-01',
    dueDate: '2026-08-10',
    periodStart: '2026-07-01',
    periodEnd: '2026-07-31',
    openingBalance: 39_467n,
    purchases: 100_000n,
    refunds: 0n,
    instalmentRefunds: 0n,
    payments: 39_467n,
    payouts: 0n,
    lateFees: 0n,
    reversals: 0n,
    waivers: 0n,
    fees: 2_800n,
    interest: 0n,
    instalmentPrincipal: 66_667n,
    converted: 0n,
    closingBalance: 169_467n,
    minimumPayment: 79_467n,
    instalmentsNotYetBilled: 199_999n,
  },
  {
    seq: 8,
    statementDate: '2026-09-01',
    dueDate: '2026-09-10',
    periodStart: '2026-08-01',
    periodEnd: '2026-08-31',
    openingBalance: 169_467n,
    purchases: 0n,
    refunds: 0n,
    instalmentRefunds: 0n,
    payments: 169_467n,
    payouts: 0n,
    lateFees: 0n,
    reversals: 0n,
    waivers: 0n,
    fees: 2_800n,
    interest: 1_053n,
    instalmentPrincipal: 66_667n,
    converted: 0n,
    closingBalance: 70_520n,
    minimumPayment: 70_520n,
    instalmentsNotYetBilled: 133_332n,
  },
  {
    seq: 9,
    statementDate: '2026-10-01',
    dueDate: '2026-10-10',
    periodStart: '2026-09-01',
    periodEnd: '2026-09-30',
    openingBalance: 70_520n,
    purchases: 0n,
    refunds: 0n,
    instalmentRefunds: 0n,
    payments: 70_520n,
    payouts: 0n,
    lateFees: 0n,
    reversals: 0n,
    waivers: 0n,
    fees: 2_800n,
    interest: 0n,
    instalmentPrincipal: 66_666n,
    converted: 0n,
    closingBalance: 69_466n,
    minimumPayment: 69_466n,
    instalmentsNotYetBilled: 66_666n,
  },
  {
    seq: 10,
    statementDate: '2026-11-01',
    dueDate: '2026-11-10',
    periodStart: '2026-10-01',
    periodEnd: '2026-10-31',
    openingBalance: 69_466n,
    purchases: 0n,
    refunds: 0n,
    instalmentRefunds: 0n,
    payments: 69_466n,
    payouts: 0n,
    lateFees: 0n,
    reversals: 0n,
    waivers: 0n,
    fees: 2_800n,
    interest: 0n,
    instalmentPrincipal: 66_666n,
    converted: 0n,
    closingBalance: 69_466n,
    minimumPayment: 69_466n,
    instalmentsNotYetBilled: 0n,
  },
  {
    seq: 11,
    statementDate: '2026-12-01',
    dueDate: '2026-12-10',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    openingBalance: 69_466n,
    purchases: 0n,
    refunds: 0n,
    instalmentRefunds: 0n,
    payments: 69_466n,
    payouts: 0n,
    lateFees: 0n,
    reversals: 0n,
    waivers: 0n,
    fees: 0n,
    interest: 0n,
    instalmentPrincipal: 0n,
    converted: 0n,
    closingBalance: 0n,
    minimumPayment: 0n,
    instalmentsNotYetBilled: 0n,
  },
  {
    seq: 12,
    statementDate: '2027-01-01',
    dueDate: '2027-01-10',
    periodStart: '2026-12-01',
    periodEnd: '2026-12-31',
    openingBalance: 0n,
    purchases: 25_000n,
    refunds: 0n,
    instalmentRefunds: 0n,
    payments: 0n,
    payouts: 0n,
    lateFees: 0n,
    reversals: 0n,
    waivers: 0n,
    fees: 0n,
    interest: 0n,
    instalmentPrincipal: 0n,
    converted: 0n,
    closingBalance: 25_000n,
    minimumPayment: 10_000n,
    instalmentsNotYetBilled: 0n,
  },
] as const;

/** Interest booked over the year: ¥45.00 (statement 2) + ¥12.50 (statement 3) + ¥10.53 (statement 7). */
export const GOLDEN_INTEREST_INCOME = 6_803n;
export const GOLDEN_FEE_INCOME = 16_800n;
/** Cash in: payments ¥12,786.03 and the ¥500 refund. */
export const GOLDEN_CASH_RECEIVED = 1_328_603n;
