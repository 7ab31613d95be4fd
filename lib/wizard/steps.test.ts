import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";

import { neighbours, STEPS } from "./steps";

describe("the step registry", () => {
  it("lists the guide's sections in the journey's order", () => {
    assert.deepEqual(
      STEPS.map((s) => s.title),
      [
        "Plan",
        "Create a CA",
        "Backend certificates",
        "Agent certificates",
        "etcd peer communication",
        "API and web UI",
        "Agent-to-server communication",
        "Agent mTLS authentication",
        "Certificate revocation",
        "Dynamic runtime assets and sudo",
        "Install CA certificates",
        "Renew certificates",
        "Review and download",
      ],
    );
  });

  it("has one route folder per step and unique slugs", () => {
    assert.equal(new Set(STEPS.map((s) => s.slug)).size, STEPS.length);
    for (const s of STEPS) assert.ok(existsSync(`app/(wizard)/${s.slug}/page.tsx`), `route for ${s.slug}`);
  });

  it("links each step to its neighbours", () => {
    assert.equal(neighbours("plan").previous, undefined);
    assert.equal(neighbours("plan").next?.id, "ca");
    assert.equal(neighbours("download").next, undefined);
  });
});
