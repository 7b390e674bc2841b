import { AppError } from '../platform/errors/app-error.ts';
import type { MonitoringDeps } from './monitoring-ports.ts';
import { parseWindow, type MonitoringWindow, type WindowParams } from './window.ts';

/** Reads and checks a window: its dates and span (`parseWindow`), and a product the settings know. */
export async function readWindow(
  deps: Pick<MonitoringDeps, 'clock' | 'policies'>,
  params: WindowParams,
  defaultDays: number,
): Promise<MonitoringWindow> {
  const parsed = parseWindow(params, deps.clock.today(), defaultDays);
  if (parsed.product !== null) {
    const settings = await deps.policies.settings();
    if (!settings.products.some((dated) => dated.product.code === parsed.product)) {
      throw AppError.invalid('product', 'known-product', `there is no product "${parsed.product}"`);
    }
  }
  return parsed;
}
