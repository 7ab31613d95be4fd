import { importPrivateKeyPem } from "../pki/import-key";
import { certificateBlocks } from "../pki/pem";
import { derHex, readOneCsr } from "../pki/read-certificates";
import { checkSignedCertificate } from "../pki/signed-cert-check";
import { DASHBOARD_STEM } from "../plan/host-files";
import type { CorporateCheck, CorporateStem } from "./ca-checks";
import type { CorporateInput, WizardInput } from "./model";

/** The stems from the inputs (no resolved plan needed): backends' FQDNs, the web UI's, agents' CNs. */
export function corporateStems(input: Pick<WizardInput, "backends" | "agents" | "api">): CorporateStem[] {
  const stems: CorporateStem[] = input.backends.rows.map((r) => ({
    stem: r.fqdn.trim(),
    profile: "backend",
    commonName: r.fqdn.trim(),
  }));
  const webCn = input.api.dashboardNames.split(/[\s,]+/).find(Boolean);
  if (input.api.dashboard === "issue" && webCn)
    stems.push({ stem: DASHBOARD_STEM, profile: "web-ui", commonName: webCn });
  for (const a of input.agents.rows) stems.push({ stem: a.commonName, profile: "agent", commonName: a.commonName });
  return stems;
}

const baseName = (name: string) => name.split("/").pop() ?? name;

/** The loaded files by base name, indexed once per list: a fleet looks up two files per certificate. */
const indexes = new WeakMap<CorporateInput["files"], Map<string, string>>();
function filesByName(files: CorporateInput["files"]): Map<string, string> {
  let index = indexes.get(files);
  if (!index) {
    index = new Map(files.map((f) => [baseName(f.name), f.text]));
    indexes.set(files, index);
  }
  return index;
}

/** A stem's key and CSR among the loaded files, by the cfssljson names step 1 gave them. */
export function keyAndCsrOf(corporate: CorporateInput, stem: string): { keyPem?: string; csrPem?: string } {
  const byName = filesByName(corporate.files);
  return { keyPem: byName.get(`${stem}-key.pem`), csrPem: byName.get(`${stem}.csr`) };
}

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
