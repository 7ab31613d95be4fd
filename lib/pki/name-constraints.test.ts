import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { encodeSequence, encodeTlv } from "./der";
import {
  type CaNameConstraints,
  commonNameAsDns,
  describeSubtree,
  NAME_CONSTRAINTS_OID,
  nameConstraintProblem,
  subjectConstraintProblem,
} from "./name-constraints";
import { chainConstraintProblems, readNameConstraints } from "./name-constraints-read";
import { nodeCrypto } from "./node-crypto";
import { BasicConstraintsExtension, Extension, type X509Certificate, X509CertificateGenerator } from "./x509";

const NOW = new Date("2026-01-15T12:00:00Z");
let crypto: Crypto;
before(async () => {
  crypto = await nodeCrypto();
});

const ascii = (s: string) => new TextEncoder().encode(s);
const dns = (name: string) => encodeSequence(encodeTlv(0x82, ascii(name)));
const ip = (...bytes: number[]) => encodeSequence(encodeTlv(0x87, Uint8Array.from(bytes)));
const dirName = () => encodeSequence(encodeTlv(0xa4, encodeSequence()));
const constraints = (permitted: Uint8Array[], excluded: Uint8Array[] = []) =>
  encodeSequence(
    ...(permitted.length ? [encodeTlv(0xa0, Uint8Array.from(permitted.flatMap((p) => [...p])))] : []),
    ...(excluded.length ? [encodeTlv(0xa1, Uint8Array.from(excluded.flatMap((p) => [...p])))] : []),
  );

/** A CA carrying `extensions`, made in memory (no tool needed); self-signed unless an issuer is named. */
async function ca(name: string, extensions: Extension[], issuer = name): Promise<X509Certificate> {
  const keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  return X509CertificateGenerator.create(
    {
      serialNumber: "01",
      subject: `CN=${name}`,
      issuer: `CN=${issuer}`,
      notBefore: NOW,
      notAfter: new Date(NOW.getTime() + 86_400_000),
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
      extensions: extensions.some((e) => e instanceof BasicConstraintsExtension)
        ? extensions
        : [new BasicConstraintsExtension(true, undefined, true), ...extensions],
    },
    crypto,
  );
}

const withConstraints = (der: Uint8Array) =>
  ca("Corp CA", [new Extension(NAME_CONSTRAINTS_OID, true, der as BufferSource)]);

describe("reading a CA's name constraints", () => {
  it("reads permitted and excluded DNS and IP subtrees, and says so as openssl's configuration does", async () => {
    const nc = readNameConstraints(
      await withConstraints(
        constraints([dns(".corp.internal"), ip(10, 0, 0, 0, 255, 0, 0, 0)], [dns("bad.corp.internal")]),
      ),
    );
    assert.ok(nc);
    assert.equal(nc.ca, "CN=Corp CA");
    assert.deepEqual(nc.permitted.map(describeSubtree), ["DNS:.corp.internal", "IP:10.0.0.0/255.0.0.0"]);
    assert.deepEqual(nc.excluded.map(describeSubtree), ["DNS:bad.corp.internal"]);
    assert.equal(readNameConstraints(await ca("Plain CA", [])), null);
  });

  it("takes a constraint it cannot read as one it cannot meet, never as none", async () => {
    const nc = readNameConstraints(await withConstraints(Uint8Array.of(0x30, 0x03, 0xa0, 0x01, 0xff)));
    assert.ok(nc);
    assert.match(subjectConstraintProblem(nc) ?? "", /could not be read/);
  });
});

describe("matching names as OpenSSL and Go do", () => {
  const nc = (permitted: CaNameConstraints["permitted"], excluded: CaNameConstraints["excluded"] = []) => ({
    ca: "CN=Corp CA",
    permitted,
    excluded,
  });
  const problem = (kind: "dns" | "ip", value: string, c: CaNameConstraints) =>
    nameConstraintProblem({ kind, value }, c);

  it("a leading dot permits subdomains only; without it the name itself too", () => {
    const dotted = nc([{ kind: "dns", value: ".corp.internal" }]);
    assert.equal(problem("dns", "backend-1.corp.internal", dotted), null);
    assert.equal(problem("dns", "a.b.CORP.internal", dotted), null);
    assert.match(
      problem("dns", "corp.internal", dotted) ?? "",
      /permit only DNS:\.corp\.internal \(nameConstraints permitted;DNS:\.corp\.internal\)/,
    );
    assert.match(problem("dns", "backend-1.example.com", dotted) ?? "", /^the CA "CN=Corp CA" may not sign it/);
    assert.ok(problem("dns", "xcorp.internal", dotted));
    const plain = nc([{ kind: "dns", value: "corp.internal" }]);
    assert.equal(problem("dns", "corp.internal", plain), null);
    assert.equal(problem("dns", "a.corp.internal", plain), null);
    assert.ok(problem("dns", "acorp.internal", plain));
  });

  it("IP subtrees hold addresses of their own family under their mask", () => {
    const ten = nc([{ kind: "ip", address: [10, 0, 0, 0], mask: [255, 0, 0, 0] }]);
    assert.equal(problem("ip", "10.1.2.3", ten), null);
    assert.match(problem("ip", "127.0.0.1", ten) ?? "", /permit only IP:10\.0\.0\.0\/255\.0\.0\.0/);
    assert.ok(problem("ip", "::1", ten), "an IPv6 address is outside an IPv4-only permitted list");
    // A permitted list of one kind leaves the other kind free.
    assert.equal(problem("dns", "anything.example", ten), null);
  });

  it("an excluded subtree wins over a permitted one", () => {
    const c = nc([{ kind: "dns", value: "corp.internal" }], [{ kind: "dns", value: "lab.corp.internal" }]);
    assert.equal(problem("dns", "a.corp.internal", c), null);
    assert.match(problem("dns", "x.lab.corp.internal", c) ?? "", /exclude DNS:lab\.corp\.internal/);
  });

  it("a permitted directoryName cannot hold the wizard's CN-only subjects", async () => {
    const nc2 = readNameConstraints(await withConstraints(constraints([dirName()])));
    assert.ok(nc2);
    assert.match(subjectConstraintProblem(nc2) ?? "", /permitted;dirName/);
  });

  it("reads a CN as a host name only when it has two labels or more, as OpenSSL does", () => {
    assert.equal(commonNameAsDns("agent"), null);
    assert.equal(commonNameAsDns("agent.example.com"), "agent.example.com");
    assert.equal(commonNameAsDns("web_1.example.com"), "web_1.example.com");
    for (const cn of ["a..b", "a.-b", "-a.b", "a.b.", "a b.c", ".a.b"]) assert.equal(commonNameAsDns(cn), null, cn);
  });
});

describe("a chain's constraints", () => {
  it("refuses an intermediate below a CA with pathLenConstraint 0", async () => {
    const root = await ca("Root", [new BasicConstraintsExtension(true, 0, true)]);
    const intermediate = await ca("Issuing", [], "Root");
    const leaf = await ca("leaf", [], "Issuing");
    const renewed = await ca("Issuing", [], "Issuing");
    assert.deepEqual(chainConstraintProblems([leaf, root]), []);
    // A self-issued certificate (a CA renewed under its own name) is not counted (RFC 5280 6.1.4).
    assert.deepEqual(chainConstraintProblems([leaf, renewed, root]), []);
    assert.match(
      chainConstraintProblems([leaf, intermediate, root])[0] ?? "",
      /"CN=Root" has pathLenConstraint 0, so at most 0 intermediate CAs may sit below it, and this chain has 1/,
    );
  });
});
