#!/usr/bin/env node
"use strict";
// `npx sensu-tls …` from a clone: the command line is the same TypeScript lib/ the page runs, loaded
// through tsx (installed by `npm install`). Without "type": "module", tsx runs .ts as CommonJS.
let tsx;
try {
  tsx = require("tsx/cjs/api");
} catch {
  process.stderr.write("sensu-tls: failed to load tsx. Run `npm install` in the project first (it installs tsx).\n");
  process.exit(2);
}
tsx.register();
require("./sensu-tls-node.ts");
