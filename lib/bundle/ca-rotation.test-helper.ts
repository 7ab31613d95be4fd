import { createCa } from "../pki/ca";
import { fingerprintSha256 } from "../pki/describe-cert";
import { privateKeyPem, withNewline } from "../pki/pem";
import { X509Certificate } from "../pki/x509";
import type { ResolvedPlan } from "../plan/resolved-plan";
import type { WizardInput } from "../wizard/model";
import type { Bundle } from "./bundle";
import { generateBundle } from "./generate";

function savedWith(base: ResolvedPlan, certPem: string): WizardInput {
  const saved = base.savedInput as WizardInput;
  return { ...saved, ca: { ...saved.ca, source: "existing", existing: { certPem, keyPem: "" } } };
}

/** The bundle's file at `path`, or a failed test. */
export function fileOf(bundle: Bundle, path: string): string {
  const e = bundle.entries.find((x) => x.path === path);
  if (!e) throw new Error(`the bundle has no ${path}`);
  return e.content;
}

export interface RotationBundles {
  oldCa: { certPem: string; keyPem: string; fingerprint: string };
  /** Phase 0: the bundle as issued today, by the old CA. */
  phase0: Bundle;
  phase1: Bundle;
  phase2: Bundle;
  phase3: Bundle;
  /** The same deployment with the old CA renewed in place. */
  renewed: Bundle;
  /** The guide's literal "create a CA" procedure: a new CA, no phase 1. */
  literal: Bundle;
}

/**
 * A deployment taken through a whole CA rotation, as the operator would: each phase loads the CA
 * the previous bundle's ca/ holds (the new CA's key comes only from phase 1's ca/ca-key.pem).
 */
export async function rotationBundles(crypto: Crypto, now: Date, base: ResolvedPlan): Promise<RotationBundles> {
  const old = await createCa(crypto, now, {
    commonName: "Sensu Old CA",
    validityHours: 43800,
    algorithm: "ecdsa-p256",
  });
  const oldCa = {
    certPem: withNewline(old.certificate.toString("pem")),
    keyPem: await privateKeyPem(crypto, old.keys.privateKey),
    fingerprint: await fingerprintSha256(crypto, old.certificate),
  };
  const withCa = (existing: { certPem: string; keyPem: string }, caTransition?: ResolvedPlan["caTransition"]) => ({
    ...base,
    ca: { commonName: "loaded", validityHours: 0, algorithm: "ecdsa-p256" as const, existing },
    // As the wizard saves it: the loaded CA's certificate (never its key) is part of the input.
    savedInput: savedWith(base, existing.certPem),
    ...(caTransition ? { caTransition } : {}),
  });
  const phase0 = await generateBundle(crypto, now, withCa(oldCa));
  const next = { commonName: "Sensu New CA", validityHours: 43800, algorithm: "ecdsa-p256" as const };
  const phase1 = await generateBundle(crypto, now, withCa(oldCa, { kind: "rotate", phase: 1, next }));
  const newCa = { certPem: fileOf(phase1, "ca/ca.pem"), keyPem: fileOf(phase1, "ca/ca-key.pem") };
  const phase2 = await generateBundle(
    crypto,
    now,
    withCa(newCa, { kind: "rotate", phase: 2, previousCaPem: oldCa.certPem }),
  );
  const phase3 = await generateBundle(
    crypto,
    now,
    withCa(newCa, { kind: "rotate", phase: 3, previousFingerprint: oldCa.fingerprint }),
  );
  const renewed = await generateBundle(crypto, now, withCa(oldCa, { kind: "renew", validityHours: 87600 }));
  const literal = await generateBundle(crypto, now, { ...base, ca: next });
  return { oldCa, phase0, phase1, phase2, phase3, renewed, literal };
}

/** The subjects of the certificates in a PEM file, in order. */
export function subjectsIn(pem: string): string[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)].map(
    (m) => new X509Certificate(m[0]).subject,
  );
}
