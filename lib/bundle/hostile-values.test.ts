import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { load, loadAll } from "js-yaml";
import { marked } from "marked";

import { nodeCrypto } from "../pki/node-crypto";
import type { ResolvedPlan } from "../plan/resolved-plan";
import { NOW } from "../wizard/test-helpers";
import type { Bundle } from "./bundle";
import { generateCsrBundle } from "./csr-bundle";
import { generateBundle } from "./generate";
import { guidePlan } from "./test-plan.test-helper";

// Values a user can type where the wizard accepts almost anything (a CA's name, a CRL URL), fed
// through every generator of the bundle: Markdown renders them as text, YAML and JSON parse back
// to them. The plan is changed after validation on purpose, so the generators are held to it even
// for values a field would refuse.

const IMG = "<img src=x onerror=alert(1)>";
const CA_NAME = `${IMG} | \`x\``;
const AGENT_CA_NAME = "<script>alert(2)</script> ``` *b* [l](javascript:x)";
const CRL_URL = "https://pki.example.com/<b>x</b>|`c`.crl";

function hostile(plan: ResolvedPlan): ResolvedPlan {
  if (!plan.agentCa || !plan.revocation) throw new Error("the test plan needs an agent CA and a CRL");
  return {
    ...plan,
    ca: { ...plan.ca, commonName: CA_NAME },
    agentCa: { ...plan.agentCa, commonName: AGENT_CA_NAME },
    revocation: { ...plan.revocation, crlUrl: CRL_URL },
  };
}

const basePlan = guidePlan((i) => ({ ...i, revocation: { ...i.revocation, crlUrl: "https://pki.example.com/a.crl" } }));
let bundle: Bundle;
let csrs: Bundle;

before(async () => {
  const crypto = await nodeCrypto();
  bundle = await generateBundle(crypto, NOW, hostile(basePlan));
  const agent = basePlan.agents[0];
  if (!agent) throw new Error("the test plan needs an agent");
  csrs = await generateCsrBundle(crypto, NOW, {
    ...hostile(basePlan),
    agents: [{ ...agent, commonName: `a${IMG}|b` }],
  });
});

const text = (b: Bundle, path: string) => {
  const entry = b.entries.find((e) => e.path === path);
  assert.ok(entry && typeof entry.content === "string", `${path} is a text file in the bundle`);
  return entry.content;
};

/** The HTML a wiki that allows HTML would make of the Markdown, checked for elements and tables. */
function assertInert(markdown: string, file: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  assert.doesNotMatch(html, /<(img|script|b)\b/, `${file} carries a user value as HTML`);
  assert.doesNotMatch(html, /href="javascript/, `${file} carries a user value as a link`);
  for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
    const cells = (table.match(/<tr>[\s\S]*?<\/tr>/g) ?? []).map((r) => (r.match(/<t[dh]>/g) ?? []).length);
    assert.ok(
      cells.every((n) => n === cells[0]),
      `${file}: a value split a table row (${cells.join(", ")} cells)`,
    );
  }
  return html;
}

describe("hostile values through every generator", () => {
  it("README.md shows them as text, tables whole", () => {
    const html = assertInert(text(bundle, "README.md"), "README.md");
    assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"), "the CA's name is shown");
    assert.ok(html.includes("&lt;script&gt;alert(2)&lt;/script&gt;"), "the agent CA's name is shown");
  });

  it("RENEWAL.md and the CSR bundle's README show them as text, tables whole", () => {
    assertInert(text(bundle, "RENEWAL.md"), "RENEWAL.md");
    const html = assertInert(text(csrs, "README.md"), "the CSR README");
    assert.ok(html.includes("a&lt;img src=x onerror=alert(1)&gt;|b"), "the agent's name is shown");
  });

  it("every YAML and JSON file parses, and the plan file keeps the names as typed", () => {
    for (const e of bundle.entries) {
      if (typeof e.content !== "string") continue;
      if (/\.ya?ml$/.test(e.path)) assert.doesNotThrow(() => loadAll(e.content as string), e.path);
      // Sensu's .json files hold one pretty-printed object after another, as sensuctl create -f reads them.
      if (e.path.endsWith(".json"))
        for (const object of e.content.split(/\n(?=\{)/)) assert.doesNotThrow(() => JSON.parse(object), e.path);
    }
    const planFile = JSON.parse(text(bundle, "sensu-tls-plan.json")) as { input: { ca: { commonName: string } } };
    assert.equal(typeof planFile.input.ca.commonName, "string");
    const backendYml = load(text(bundle, "backends/backend-1/etc/sensu/backend.yml")) as Record<string, unknown>;
    assert.deepEqual(backendYml["agent-auth-crl-urls"], [CRL_URL]);
  });
});
