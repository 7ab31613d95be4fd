import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { absolutePathProblem } from "./paths";

describe("absolute paths for config and scripts", () => {
  it("accept plain absolute paths", () => {
    for (const p of ["/etc/sensu/tls", "/opt/ssl/web-ui_2.pem", "/a"]) assert.equal(absolutePathProblem(p), null, p);
  });
  it("refuse what a shell or YAML could misread, with the reason", () => {
    const cases: [string, RegExp][] = [
      ["", /Enter/],
      ["etc/sensu", /relative/],
      ["/", /root/],
      ["/etc/sensu/", /trailing/],
      ["/etc//sensu", /empty segment/],
      ["/etc/../root", /\.\./],
      ["/etc/sensu tls", /space/],
      ["/etc/$HOME", /"\$"/],
      ["/etc/a;rm", /";"/],
      ['/etc/"q', /"""/],
      ["/etc/a\nb", /not allowed/],
    ];
    for (const [p, re] of cases) assert.match(absolutePathProblem(p) ?? "", re, JSON.stringify(p));
  });
});
