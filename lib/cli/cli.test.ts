import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { defaultInput } from "../wizard/model";
import { parseArgs } from "./args";
import type { CliIo } from "./io";
import { main } from "./main";
import { guardedOutput, KEY_REMOVED, withoutKeys } from "./output";
import { planFieldName, planIssues } from "./plan-fields";
import { CLEAR_LINE, progressLine } from "./progress";

const SPEC = { values: ["plan", "out"], flags: ["json", "force"] };

describe("the command line's arguments", () => {
  it("reads values in both forms, flags and positionals", () => {
    const r = parseArgs(["--plan", "p.json", "--out=b.zip", "--json", "extra"], SPEC, "bundle");
    assert.ok(r.ok);
    assert.deepEqual(
      [...r.args.values],
      [
        ["plan", "p.json"],
        ["out", "b.zip"],
      ],
    );
    assert.deepEqual([...r.args.flags], ["json"]);
    assert.deepEqual(r.args.positionals, ["extra"]);
  });

  it("names a typo, a missing value, a repeated option and a value given to a flag", () => {
    const message = (argv: string[]) => {
      const r = parseArgs(argv, SPEC, "bundle");
      return r.ok ? "" : r.message;
    };
    assert.equal(message(["--plna", "x"]), "--plna is not an option of sensu-tls bundle: see sensu-tls bundle --help.");
    assert.equal(message(["--plan"]), "--plan needs a value: see sensu-tls bundle --help.");
    assert.equal(message(["--out", "a", "--out", "b"]), "--out is given twice.");
    assert.equal(message(["--force=yes"]), "--force takes no value.");
  });
});

describe("plan field names in messages", () => {
  const input = defaultInput();
  it("turns row ids into the plan file's list positions, counted from 0", () => {
    assert.equal(planFieldName("backends.rows.b2.ips", input), "backends[1].ips");
    assert.equal(planFieldName("agents.rows.a1.commonName", input), "agents[0].commonName");
    assert.equal(planFieldName("etcd.members.b3", input), "backends[2] (etcd member)");
    assert.equal(planFieldName("assets.choices.0.commands", input), "assets.choices[0].commands");
    assert.equal(planFieldName("backends.validityHours", input), "backends.validityHours");
    assert.equal(planFieldName("backends.rows.zz.ips", input), "backends.rows.zz.ips");
  });

  it("names a loaded CA by its option, and reports each problem once", () => {
    const options = { "ca.existing.keyPem": "--ca-key" };
    assert.deepEqual(
      planIssues(
        [
          { field: "ca.existing.keyPem", message: "not this CA's key" },
          { field: "backends.rows.b1.name", message: "taken" },
          { field: "etcd.members.b1", message: "taken" },
          { field: "backends.rows.b1.name", message: "taken" },
        ],
        input,
        options,
      ),
      [
        { field: "--ca-key", message: "not this CA's key" },
        { field: "backends[0].name", message: "taken" },
        { field: "backends[0] (etcd member)", message: "taken" },
      ],
    );
  });
});

describe("nothing printed holds a private key", () => {
  const key = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIDx\n-----END EC PRIVATE KEY-----";
  const cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
  it("cuts key blocks of every kind, as PEM or inside JSON, and leaves certificates", () => {
    assert.equal(withoutKeys(`a ${key} b ${cert}`), `a ${KEY_REMOVED} b ${cert}`);
    assert.equal(withoutKeys(JSON.stringify({ m: `x ${key}` })), JSON.stringify({ m: `x ${KEY_REMOVED}` }));
    assert.equal(withoutKeys("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF..."), KEY_REMOVED);
    assert.equal(withoutKeys("-----BEGIN PRIVATE KEY-----\nA\n-----END PRIVATE KEY-----\n"), `${KEY_REMOVED}\n`);
  });

  it("filters both streams of the output", () => {
    const seen: string[] = [];
    const out = guardedOutput({ stdout: (t) => seen.push(t), stderr: (t) => seen.push(t), stderrIsTty: false });
    out.out(key);
    out.err(`oops: ${key}`);
    assert.deepEqual(seen, [KEY_REMOVED, `oops: ${KEY_REMOVED}`]);
  });
});

describe("progress and dispatch", () => {
  it("draws one redrawable line per step", () => {
    const line = progressLine({ done: 3, total: 6, label: "backend-2.example.com" });
    assert.match(line, /^\r\[#{12}-{12}\] 3\/6 backend-2\.example\.com +$/);
    const long = progressLine({ done: 1, total: 6, label: "a".repeat(64) });
    // Every line as long as the clearing one, so no redraw leaves characters of the last.
    assert.equal(line.length, CLEAR_LINE.length - 1);
    assert.equal(long.length, line.length);
  });

  it("answers an unknown command and a bare call with exit 2", async () => {
    const printed: string[] = [];
    // Only output is needed before a command runs; the rest of the machine is never touched.
    const io = {
      stdout: (t: string) => printed.push(t),
      stderr: (t: string) => printed.push(t),
      stderrIsTty: false,
    } as unknown as CliIo;
    assert.equal(await main(["bundel"], io), 2);
    assert.match(printed.join(""), /"bundel" is not a sensu-tls command: bundle, inspect or check/);
    assert.equal(await main([], io), 2);
    assert.match(printed.join(""), /Usage: sensu-tls <command>/);
  });
});
