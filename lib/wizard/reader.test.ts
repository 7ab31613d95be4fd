import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { zipSync } from "fflate";

import type { FileLike } from "../files/load-files";
import { createCa } from "../pki/ca";
import { nodeCrypto } from "../pki/node-crypto";
import { privateKeyPem, withNewline } from "../pki/pem";
import { answerReadRequest, PROGRESS_INTERVAL_MS } from "./reader";
import type { ReaderReply, ReaderRequest } from "./reader-protocol";
import { NOW } from "./test-helpers";

// What the reading Worker answers, called directly: the page only ever sees these replies.

let crypto: Crypto;
let caPem: string;
let keyPem: string;
before(async () => {
  crypto = await nodeCrypto();
  const ca = await createCa(crypto, NOW, { commonName: "Read CA", validityHours: 24 * 400, algorithm: "ecdsa-p256" });
  caPem = withNewline(ca.certificate.toString("pem"));
  keyPem = await privateKeyPem(crypto, ca.keys.privateKey);
});

const picked = (name: string, content: string | Uint8Array): FileLike => {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { name, size: bytes.byteLength, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) };
};

/** The replies to one request, with a clock that moves `step` ms per reading. */
async function ask(request: ReaderRequest, step = 0): Promise<ReaderReply[]> {
  const replies: ReaderReply[] = [];
  let t = 0;
  await answerReadRequest(
    crypto,
    request,
    (r) => replies.push(r),
    () => (t += step),
  );
  return replies;
}
const last = (replies: ReaderReply[]) => replies[replies.length - 1];

/** A zip whose first entry declares `declared` bytes; fflate writes the true size, patched here. */
function lyingZip(entries: Record<string, Uint8Array>, declared: number): Uint8Array {
  const z = zipSync(entries);
  const view = new DataView(z.buffer);
  let end = z.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  view.setUint32(view.getUint32(end + 16, true) + 24, declared, true);
  return z;
}

describe("the reading Worker's answers", () => {
  it("reads a PEM for its field, and refuses one past the field's cap by its length", async () => {
    const ok = last(await ask({ type: "texts", requestId: 1, purpose: "pem", files: [picked("ca.pem", caPem)] }));
    assert.deepEqual(ok?.type === "texts" && ok.result.texts, [{ name: "ca.pem", text: caPem }]);
    const big = `${caPem}${"A".repeat(70_000)}`;
    const refused = last(await ask({ type: "texts", requestId: 2, purpose: "pem", files: [picked("huge.pem", big)] }));
    assert.ok(refused?.type === "texts");
    assert.deepEqual(refused.result.texts, []);
    assert.match(
      refused.result.problems[0]?.reason ?? "",
      /^huge\.pem: 70,\d{3} characters of text, more than the 64,000 this field takes, so nothing was loaded\. Load the PEM file/,
    );
  });

  it("unpacks a step-1 zip for the corporate step, only its csr/ files", async () => {
    const zip = zipSync({ "csr/a.csr": new TextEncoder().encode("csr"), "README.md": new TextEncoder().encode("x") });
    const reply = last(
      await ask({ type: "texts", requestId: 3, purpose: "corporate-files", files: [picked("s.zip", zip)] }),
    );
    assert.deepEqual(reply?.type === "texts" && reply.result.texts, [{ name: "csr/a.csr", text: "csr" }]);
  });

  it("describes the certificates of files and pasted text, keys left unread, each reply tagged with its request", async () => {
    const zip = zipSync({
      "ca/ca.pem": new TextEncoder().encode(caPem),
      "ca/ca-key.pem": new TextEncoder().encode(keyPem),
    });
    const replies = await ask({
      type: "certificates",
      requestId: 7,
      files: [picked("bundle.zip", zip)],
      pasted: `${caPem}${keyPem}`,
      now: NOW.getTime(),
    });
    assert.ok(replies.every((r) => r.requestId === 7));
    const done = last(replies);
    assert.ok(done?.type === "certificates");
    assert.equal(done.result.groups.length, 1);
    assert.deepEqual(done.result.groups[0]?.sources, ["the pasted text", "ca/ca.pem"]);
    assert.deepEqual(done.result.ignoredKeys, ["ca/ca-key.pem", "the pasted text"]);
    assert.equal(done.result.groups[0]?.certificate.daysLeft, 400);
  });

  it("names the cap a hostile zip passes, without unpacking past it", async () => {
    const liar = lyingZip({ "a.pem": new Uint8Array(30_000_000) }, 10);
    const many = zipSync(
      Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`${i}.pem`, new Uint8Array(1_000_000)])),
    );
    const done = last(
      await ask({
        type: "certificates",
        requestId: 8,
        files: [picked("liar.zip", liar), picked("many.zip", many)],
        pasted: "",
        now: NOW.getTime(),
      }),
    );
    assert.ok(done?.type === "certificates");
    assert.deepEqual(
      done.result.problems.map((p) => p.reason),
      [
        "failed to read liar.zip as a zip (a.pem: it unpacks to more than the 10 bytes it declares). Load the bundle as downloaded, or its .pem files.",
        "many.zip was not read: the files loaded together pass 50 MB (zips counted unpacked), the most the wizard holds at once. Load fewer files at a time.",
      ],
    );
  });

  it("posts progress at most once per interval, so a zip of thousands of entries is not thousands of page tasks", async () => {
    const entries = Object.fromEntries(
      Array.from({ length: 500 }, (_, i) => [`${i}.pem`, new TextEncoder().encode(caPem)]),
    );
    const request: ReaderRequest = {
      type: "certificates",
      requestId: 9,
      files: [picked("big.zip", zipSync(entries))],
      pasted: "",
      now: NOW.getTime(),
    };
    const still = (await ask(request, 0)).filter((r) => r.type === "progress");
    assert.equal(still.length, 1, "a clock that does not move lets only the first through");
    const moving = (await ask(request, PROGRESS_INTERVAL_MS)).filter((r) => r.type === "progress");
    assert.ok(moving.length > 500, `every step reported once the interval has passed (${moving.length})`);
  });
});
