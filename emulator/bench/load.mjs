// The HTTP load: autocannon, 10 keep-alive connections, one request in flight on each, for `seconds`. Returns
// answered requests per second; any answer but 200, or any error, fails the run.
import autocannon from 'autocannon';

export async function load(url, { method, path, body, token, seconds }) {
  const result = await autocannon({
    url: `${url}${path}`,
    method,
    connections: 10,
    pipelining: 1,
    duration: seconds,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body }),
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(`${method} ${path}: ${result.non2xx} answers other than 2xx, ${result.errors} errors`);
  return result.requests.total / (result.duration || seconds);
}
