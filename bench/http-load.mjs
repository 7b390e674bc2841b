// The load generator of the HTTP benchmarks, run in its own process so it does not share the server's
// event loop: autocannon against one URL — or several API nodes at once, the connections split evenly
// between them as a balancer would — POST bodies taken in turn, the result as JSON on stdout. Latency
// percentiles are computed over every response of every node together (exact, not a mean of per-node
// percentiles). Input (argv[2], JSON): { url | urls, headers, bodies, connections, pipelining, duration }.
import autocannon from 'autocannon';

const { url, urls: given, headers, bodies, connections, pipelining, duration } = JSON.parse(process.argv[2]);
const urls = given ?? [url];
let next = 0;
const latencies = [];
const cpuBefore = process.cpuUsage();
const results = await Promise.all(
  urls.map((target, index) => {
    // Connections split evenly; the first nodes take the remainder.
    const share = Math.floor(connections / urls.length) + (index < connections % urls.length ? 1 : 0);
    const instance = autocannon({
      url: target,
      connections: Math.max(1, share),
      pipelining,
      duration,
      requests: [
        {
          method: 'POST',
          headers,
          setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
        },
      ],
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    return instance;
  }),
);
latencies.sort((a, b) => a - b);
const percentile = (q) =>
  latencies.length === 0
    ? Number.NaN
    : latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
const sum = (pick) => results.reduce((total, result) => total + pick(result), 0);
process.stdout.write(
  JSON.stringify({
    total: sum((result) => result.requests.total),
    average: sum((result) => result.requests.average),
    non2xx: sum((result) => result.non2xx),
    errors: sum((result) => result.errors),
    timeouts: sum((result) => result.timeouts),
    duration: Math.max(...results.map((result) => result.duration)),
    latency: { p50: percentile(0.5), p99: percentile(0.99) },
    perUrl: results.map((result, index) => ({ url: urls[index], total: result.requests.total })),
    // The load generator's own CPU time over the run (user + system), in ms.
    cpuMs: (() => {
      const used = process.cpuUsage(cpuBefore);
      return (used.user + used.system) / 1000;
    })(),
  }),
);
