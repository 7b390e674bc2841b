import { allocate } from '../src/platform/money/allocate.ts';
import { formatMoney, parseMoney, toDecimalString, type Money } from '../src/platform/money/money.ts';
import { throughput, type BenchSuite } from './harness.ts';

/** Exact money primitives against the float arithmetic they replace (Number + toFixed). */
const suite: BenchSuite = {
  name: 'money',
  description: 'exact bigint money primitives vs. float arithmetic with toFixed',
  async run() {
    const ours = await throughput(() => toDecimalString(parseMoney('12345.67')), 500, 1);
    const floats = await throughput(() => (Number('12345.67') * 100).toFixed(0), 500, 1);
    const alloc = await throughput(
      () => allocate(1_000_000n as Money, [1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n]),
      500,
    );
    const fmt = await throughput(() => formatMoney(123_456_789n as Money, 'zh-CN'), 500);
    return [
      {
        metric: 'parse + print an amount',
        unit: 'ops/s',
        ours,
        peer: floats,
        peerName: 'Number/toFixed',
        higherIsBetter: true,
      },
      { metric: 'allocate into 12 parts', unit: 'ops/s', ours: alloc, higherIsBetter: true },
      { metric: 'format ¥ with grouping', unit: 'ops/s', ours: fmt, higherIsBetter: true },
    ];
  },
};

export default suite;
