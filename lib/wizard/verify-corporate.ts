import { importPrivateKeyPem } from "../pki/import-key";
import { certificateBlocks } from "../pki/pem";
import { derHex, readOneCsr } from "../pki/read-certificates";
import { checkSignedCertificate } from "../pki/signed-cert-check";
import type { CorporateCheck, CorporateStem } from "./ca-checks";
import { baseName, keyAndCsrOf } from "./corporate-files";
import type { CorporateInput } from "./model";

export { corporateStems, keyAndCsrOf } from "./corporate-files";

/**
 * Step 2 of the corporate-CA mode: for each certificate the plan needs, its key and CSR from the
 * step-1 bundle, and the signed certificate among everything loaded, checked against both; the
 * chain is assembled leaf first.
 */
export async function verifyCorporate(
  crypto: Crypto,
  now: Date,
  corporate: CorporateInput,
  stems: readonly CorporateStem[],
): Promise<CorporateCheck> {
  const signed = corporate.files
    .filter((f) => !/\.csr$|-key\.pem$/.test(baseName(f.name)))
    .flatMap((f) => certificateBlocks(f.text));
  const leaves: CorporateCheck["leaves"] = {};
  for (const s of stems) {
    const { keyPem, csrPem } = keyAndCsrOf(corporate, s.stem);
    if (!keyPem || !csrPem) {
      leaves[s.stem] = {
        ok: false,
        message: `${s.stem}-key.pem and ${s.stem}.csr are not loaded: load the keys-and-CSRs bundle made in step 1 (after changing names, make a new one).`,
      };
      continue;
    }
    const csr = readOneCsr(csrPem, `${s.stem}.csr`);
    if (!csr.ok) {
      leaves[s.stem] = { ok: false, message: csr.message };
      continue;
    }
    const csrCn = csr.value.subjectName.getField("CN")[0] ?? "";
    if (csrCn !== s.commonName) {
      leaves[s.stem] = {
        ok: false,
        message: `${s.stem}.csr asks for "${csrCn}", but the plan now names "${s.commonName}": make a new keys-and-CSRs bundle.`,
      };
      continue;
    }
    const key = await importPrivateKeyPem(crypto, keyPem, `${s.stem}-key.pem`);
    if (
      !key.ok ||
      derHex(await crypto.subtle.exportKey("spki", key.value.keys.publicKey)) !== derHex(csr.value.publicKey.rawData)
    ) {
      leaves[s.stem] = {
        ok: false,
        message: key.ok ? `${s.stem}-key.pem is not the key of ${s.stem}.csr.` : key.message,
      };
      continue;
    }
    if (signed.length === 0) {
      leaves[s.stem] = { ok: false, message: `No signed certificate is loaded for ${s.commonName}.` };
      continue;
    }
    const checked = await checkSignedCertificate(crypto, now, {
      csrPem,
      certificatePem: signed.join("\n"),
      chainPems: [corporate.caPem, corporate.agentCaPem].filter((t) => t.trim()),
      profile: s.profile,
    });
    leaves[s.stem] = checked.ok
      ? { ok: true, chainPem: checked.value.chainPem }
      : { ok: false, message: `${s.commonName}: ${checked.message}` };
  }
  return { leaves };
}
