import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { zipSync } from "fflate";

import { MAX_FILE_BYTES, MAX_ZIP_ENTRIES } from "./caps";
import { type FileLike, loadFiles } from "./load-files";
import { type LoadedFile, readFiles, type ReadOptions, readTexts } from "./read-files";

const PEM = "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n";
const OPTIONS: ReadOptions = { instead: "the bundle as downloaded", unzip: true };
const bytes = (text: string) => new TextEncoder().encode(text);
const file = (name: string, content: string | Uint8Array): LoadedFile => ({
  name,
  bytes: typeof content === "string" ? bytes(content) : content,
});
const zip = (files: Record<string, string | Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([path, c]) => [path, typeof c === "string" ? bytes(c) : c])));
const reasons = (files: LoadedFile[], options = OPTIONS) => readTexts(files, options).problems.map((p) => p.reason);

/** A zip whose directory says what an attacker wants: offsets of the end record and the n-th directory entry. */
function directory(z: Uint8Array) {
  const view = new DataView(z.buffer, z.byteOffset, z.byteLength);
  let end = z.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const entry = (n: number) => {
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < n; i++)
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    return at;
  };
  return {
    declareSize: (n: number, size: number) => view.setUint32(entry(n) + 24, size, true),
    declareCount: (count: number) => view.setUint16(end + 10, count, true),
  };
}

describe("reading loaded files", () => {
  it("reads text files and a zip's wanted entries, and leaves skipped names unread", () => {
    const out = readTexts(
      [
        file("ca.pem", `\uFEFF${PEM}`),
        file("bundle.zip", zip({ "ca/ca.pem": PEM, "ca/ca-key.pem": "KEY", "README.md": "# read me", "ca/": "" })),
        file("agent-key.pem", "KEY"),
      ],
      { ...OPTIONS, entries: (path) => path.endsWith(".pem"), skip: (name) => name.endsWith("-key.pem") },
    );
    assert.deepEqual(out.texts, [
      { name: "ca.pem", text: PEM },
      { name: "ca/ca.pem", text: PEM },
    ]);
    assert.deepEqual(out.skipped, ["ca/ca-key.pem", "agent-key.pem"]);
    assert.deepEqual(out.problems, []);
  });

  it("refuses binary and non-UTF-8 files by name, as a result", () => {
    const der = new Uint8Array([0x30, 0x82, 0x01, 0x0a, 0x00, 0xff]);
    const utf16 = new Uint8Array([0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00]);
    assert.deepEqual(
      reasons([file("ca.der", der), file("utf16.pem", utf16), file("latin1.pem", new Uint8Array([0xe9]))]),
      [
        "ca.der is not text (it is binary, or not UTF-8): not read. Load the bundle as downloaded.",
        "utf16.pem is not text (it is binary, or not UTF-8): not read. Load the bundle as downloaded.",
        "latin1.pem is not text (it is binary, or not UTF-8): not read. Load the bundle as downloaded.",
      ],
    );
    const inZip = readTexts([file("b.zip", zip({ "a.pem": der, "b.pem": PEM }))], OPTIONS);
    assert.deepEqual(inZip.texts, [{ name: "b.pem", text: PEM }]);
    assert.match(inZip.problems[0]?.reason ?? "", /^a\.pem in b\.zip is not text/);
    const notUnzipped = readFiles([file("b.zip", zip({ "a.pem": PEM }))], { instead: "the CA certificate" });
    assert.equal(notUnzipped[0]?.kind === "problem" && notUnzipped[0].problem.cause, "not-text");
  });

  it("names a corrupt zip, a cut-off one and one with damaged data, and still reads the other files", () => {
    const good = zip({ "ca.pem": PEM.repeat(20) });
    const damaged = good.slice();
    damaged.fill(0xff, 40, 60);
    const out = readTexts(
      [
        file("text.zip", "this is not a zip"),
        file("cut.zip", good.slice(0, 60)),
        file("bad.zip", damaged),
        file("ca.pem", PEM),
      ],
      OPTIONS,
    );
    assert.deepEqual(
      out.problems.map((p) => [p.name, p.cause]),
      [
        ["text.zip", "not-a-zip"],
        ["cut.zip", "not-a-zip"],
        ["bad.zip", "not-a-zip"],
      ],
    );
    assert.match(
      out.problems[0]?.reason ?? "",
      /^failed to read text\.zip as a zip \(it has no zip directory: .*\)\. Load the bundle as downloaded\.$/,
    );
    assert.match(out.problems[2]?.reason ?? "", /^failed to read bad\.zip as a zip \(ca\.pem: its data is damaged/);
    assert.deepEqual(out.texts, [{ name: "ca.pem", text: PEM }]);
  });
});

describe("the caps", () => {
  it("refuse a file over the file cap by its size, without its bytes", () => {
    assert.deepEqual(reasons([{ name: "huge.zip", bytes: new Uint8Array(), size: 50_000_000 }]), [
      "huge.zip is over 20 MB, more than the wizard reads from one file: not read. Load the bundle as downloaded.",
    ]);
  });

  it("refuse a zip whose entry declares more than the file cap before inflating anything", () => {
    const bomb = zip({ "a.pem": PEM, "b.pem": PEM });
    directory(bomb).declareSize(1, MAX_FILE_BYTES + 1);
    assert.deepEqual(reasons([file("bomb.zip", bomb)]), [
      "bomb.zip was not read: b.pem in it unpacks to over 20 MB, more than the wizard reads from one file. Load the bundle as downloaded.",
    ]);
    // An unwanted entry is never unpacked, so its size does not matter.
    assert.deepEqual(reasons([file("bomb.zip", bomb)], { ...OPTIONS, entries: (p) => p === "a.pem" }), []);
  });

  it("stop unpacking an entry as soon as it outgrows the size it declares", () => {
    const liar = zip({ "a.pem": new Uint8Array(30_000_000) });
    directory(liar).declareSize(0, 10);
    assert.deepEqual(reasons([file("liar.zip", liar)]), [
      "failed to read liar.zip as a zip (a.pem: it unpacks to more than the 10 bytes it declares). Load the bundle as downloaded.",
    ]);
  });

  it("refuse a zip listing more files than the entry cap, counted before the directory is read", () => {
    const many = zip(Object.fromEntries(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => [`${i}.txt`, ""])));
    assert.deepEqual(reasons([file("many.zip", many)]), [
      "many.zip lists 65,001 files, more than the 65,000 the wizard opens in one zip: not read. Load the bundle as downloaded.",
    ]);
    const claims = zip({ "a.pem": PEM });
    directory(claims).declareCount(65_500);
    assert.match(reasons([file("claims.zip", claims)])[0] ?? "", /^claims\.zip lists 65,500 files/);
  });

  it("end the load at the first file or zip that would pass the load cap", () => {
    const text = new Uint8Array(15_000_000).fill(0x61);
    const big = (name: string) => file(name, text);
    const out = readFiles([big("1.pem"), big("2.pem"), big("3.pem"), big("4.pem"), file("small.pem", PEM)], OPTIONS);
    assert.deepEqual(
      out.map((r) => (r.kind === "problem" ? r.problem.cause : r.kind)),
      ["text", "text", "text", "load-too-big", "load-too-big"],
    );
    assert.match(
      out[3]?.kind === "problem" ? out[3].problem.reason : "",
      /^4\.pem was not read: the files loaded together pass 50 MB \(zips counted unpacked\).*Load fewer files at a time\.$/,
    );
    const unpacksBig = zip({ "a.pem": PEM, "b.pem": PEM, "c.pem": PEM });
    for (const n of [0, 1, 2]) directory(unpacksBig).declareSize(n, 18_000_000);
    assert.match(
      reasons([file("big.zip", unpacksBig)])[0] ?? "",
      /^big\.zip was not read: the files loaded together pass 50 MB/,
    );
  });

  it("read a ZIP64 archive (zip -fz), whose sizes and offsets sit in its ZIP64 records", () => {
    const z64 = Uint8Array.from(
      atob(
        "UEsDBC0AAAAIAOGJgl1L1q/p//////////8JABQAY2EvY2EucGVtAQAQAD8AAAAAAAAAKgAAAAAAAADT1QUCJ1d3Tz8FZ9egEE83T2fHEFeQoC6Xr6Ovs2Ogqy0XmOvq54KpBABQSwMELQAAAAAA4YmCXSAwOjb//////////woAFAByZWFkbWUudHh0AQAQAAYAAAAAAAAABgAAAAAAAABoZWxsbwpQSwECHgMtAAAACADhiYJdS9av6SoAAAD/////CQAMAAAAAAABAAAApIEAAAAAY2EvY2EucGVtAQAIAD8AAAAAAAAAUEsBAh4DLQAAAAAA4YmCXSAwOjYGAAAA/////woADAAAAAAAAQAAAKSBZQAAAHJlYWRtZS50eHQBAAgABgAAAAAAAABQSwYGLAAAAAAAAAAeAy0AAAAAAAAAAAACAAAAAAAAAAIAAAAAAAAAhwAAAAAAAACnAAAAAAAAAFBLBgcAAAAALgEAAAAAAAABAAAAUEsFBgAAAAACAAIAhwAAAP////8AAA==",
      ),
      (c) => c.charCodeAt(0),
    );
    assert.deepEqual(readTexts([file("z64.zip", z64)], OPTIONS).texts, [
      { name: "ca/ca.pem", text: PEM },
      { name: "readme.txt", text: "hello\n" },
    ]);
  });
});

describe("loading files in the browser", () => {
  const picked = (name: string, size: number, read: () => Promise<ArrayBuffer>): FileLike => ({
    name,
    size,
    arrayBuffer: read,
  });

  it("never reads a file the caps refuse, and turns a failed read into a problem", async () => {
    const untouched = () => Promise.reject(new Error("must not be read"));
    const loaded = await loadFiles([
      picked("huge.zip", 50_000_000, untouched),
      picked("gone.pem", 10, () => Promise.reject(new Error("the file was moved"))),
      picked("ca.pem", PEM.length, () => Promise.resolve(bytes(PEM).buffer)),
      picked("1.bin", 19_000_000, () => Promise.resolve(new ArrayBuffer(19_000_000))),
      picked("2.bin", 19_000_000, () => Promise.resolve(new ArrayBuffer(19_000_000))),
      picked("3.bin", 19_000_000, untouched),
    ]);
    assert.deepEqual(
      readFiles(loaded, OPTIONS).map((r) => (r.kind === "problem" ? r.problem.cause : r.kind)),
      ["too-big", "unreadable", "text", "not-text", "not-text", "load-too-big"],
    );
    assert.match(reasons(loaded)[1] ?? "", /^failed to read gone\.pem \(the file was moved\)\. Load it again\.$/);
  });
});
