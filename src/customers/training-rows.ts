import type { TrainingRowSink } from './customer.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { countCustomers, listCustomers, loadEventRows } from './customers.pg.ts';
import { createFeatureComputer, createFeatureVector, labelBad, planAsOf } from './features/compute.ts';
import { createEventColumns } from './features/event-columns.ts';
import { labelEndOf, type LabelWindow } from './features/feature-table.ts';
import { columnsOf } from './snapshot-history.ts';

/**
 * Computes the training table from the database: for every customer opened by `asOf`, the feature vector
 * as of `asOf` and the label over `window`; rows go to `sink` in customer id order, a page of customers at a
 * time. Returns the number of rows written.
 */
export async function trainingRows(
  deps: Pick<CustomersDeps, 'db'>,
  input: { readonly asOf: Date; readonly window: LabelWindow; readonly sink: TrainingRowSink },
  options: { pageSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  const { db } = deps;
  const { asOf, window, sink } = input;
  const pageSize = options.pageSize ?? 500;
  const plan = planAsOf(asOf);
  const labelEnd = labelEndOf(asOf, window);
  const total = await countCustomers(db);
  const computer = createFeatureComputer();
  const vector = createFeatureVector();
  let after = '';
  let done = 0;
  let written = 0;
  for (;;) {
    const page = await listCustomers(db, after, pageSize);
    if (page.length === 0) break;
    after = page[page.length - 1]?.customerId ?? after;
    const opened = page.filter((customer) => customer.createdAt.getTime() <= plan.asOfMs);
    const columns = createEventColumns(4096);
    const ranges = columnsOf(
      await loadEventRows(
        db,
        opened.map((customer) => customer.customerId),
        labelEnd,
      ),
      columns,
    );
    for (const customer of opened) {
      const [start, end] = ranges.get(customer.customerId) ?? [0, 0];
      const subject = { openedAtMs: customer.createdAt.getTime(), birthDate: customer.birthDate };
      computer.compute(columns, start, end, subject, plan, vector);
      await sink(customer.customerId, vector, labelBad(columns, start, end, plan, labelEnd));
      written += 1;
    }
    done += page.length;
    options.onProgress?.(done, total);
  }
  return written;
}
