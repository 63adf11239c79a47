// Preloaded (node --require) into the production process by server-limits.spec.ts: once the HTTP server
// listens and main.ts has configured it, prints the slow-client limits it really runs with.
const http = require('node:http');

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function patchedListen(...args) {
  this.once('listening', () => {
    setTimeout(() => {
      const { headersTimeout, requestTimeout, keepAliveTimeout, timeout, maxHeadersCount } = this;
      process.stderr.write(
        `CV_SERVER_LIMITS ${JSON.stringify({ headersTimeout, requestTimeout, keepAliveTimeout, timeout, maxHeadersCount })}\n`,
      );
    }, 500);
  });
  return listen.apply(this, args);
};
