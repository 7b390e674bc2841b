// The load generator of the HTTP benchmarks, run in its own process so it does not share the server's
// event loop: autocannon against one URL, POST bodies taken in turn, the result as JSON on stdout.
// Input (argv[2], JSON): { url, headers, bodies, connections, pipelining, duration }.
import autocannon from 'autocannon';

const { url, headers, bodies, connections, pipelining, duration } = JSON.parse(process.argv[2]);
let next = 0;
const cpuBefore = process.cpuUsage();
const result = await autocannon({
  url,
  connections,
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
process.stdout.write(
  JSON.stringify({
    total: result.requests.total,
    average: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    duration: result.duration,
    latency: result.latency,
    // The load generator's own CPU time over the run (user + system), in ms.
    cpuMs: (() => {
      const used = process.cpuUsage(cpuBefore);
      return (used.user + used.system) / 1000;
    })(),
  }),
);
