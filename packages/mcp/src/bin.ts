#!/usr/bin/env node
// Checked before anything else loads: the core's HTTP client (undici 8) needs Node 22.19, and one
// clear line beats a stack trace from deep inside a dependency. Keep this file plain: it must
// parse on old Node versions too.
const MIN_NODE = [22, 19];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
  process.stderr.write(
    `aikynetix-mcp needs Node.js ${MIN_NODE.join('.')} or newer (this is Node.js ${process.versions.node}); install a current Node.js LTS.\n`,
  );
  process.exit(1);
}
// Required only once the version is known to be good (an import would be hoisted above the check).
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require('./main') as typeof import('./main')).main(process.argv.slice(2));
