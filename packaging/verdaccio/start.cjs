// Starts Verdaccio on loopback on a port the OS picks and prints `ready <url>` once it listens.
// Usage: node start.cjs <config.yaml>   (used by packaging/test/registry.test.ts)
const { runServer } = require("verdaccio");

runServer(process.argv[2]).then((server) => {
  server.listen(0, "127.0.0.1", () => console.log(`ready http://127.0.0.1:${server.address().port}/`));
});
