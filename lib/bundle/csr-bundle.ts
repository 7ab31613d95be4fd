import { makeCsr } from "../pki/csr";
import { privateKeyPem, withNewline } from "../pki/pem";
import { PROFILES } from "../pki/profiles";
import { cfsslNames } from "../plan/file-names";
import { planFileJson, planFileOf } from "../plan/plan-file";
import type { ResolvedPlan } from "../plan/resolved-plan";
import type { Bundle } from "./bundle";
import { PLAN_FILE, readmeEntry } from "./common-entries";
import { corporateLeaves, CSR_DIR } from "./corporate-leaves";
import type { ProgressListener } from "./issue-all";
import { KEY_MODE, type ManifestEntry, OFFLINE_HOST, PUBLIC_MODE } from "./manifest-entry";
import { zipFiles } from "./zip";

const USAGE_WORDS: Record<string, string> = { "1.3.6.1.5.5.7.3.1": "serverAuth", "1.3.6.1.5.5.7.3.2": "clientAuth" };

function csrReadme(plan: ResolvedPlan, entries: readonly ManifestEntry[]): string {
  const lines = ["# Keys and certificate requests for your organization's CA", ""];
  lines.push("Generated in the browser by Sensu TLS Wizard. This is step 1 of 2: nothing here is deployable yet.", "");
  lines.push(
    "1. Keep this zip: the *-key.pem files are the private keys, and the wizard needs them again in step 2. Store it like any key material.",
  );
  lines.push(
    "2. Send only the .csr files to your CA. Ask for each certificate with exactly the names and usages below (the CSRs request them as extensions):",
    "",
  );
  lines.push("| CSR | common name | subject alternative names | extended key usage |", "|---|---|---|---|");
  for (const leaf of corporateLeaves(plan)) {
    const usages = PROFILES[leaf.profile].extendedKeyUsages.map((u) => USAGE_WORDS[u] ?? u).join(" + ");
    lines.push(
      `| ${CSR_DIR}/${cfsslNames(leaf.stem).csr} | ${leaf.commonName} | ${leaf.sans.map((s) => s.value).join(", ") || "none"} | ${usages} |`,
    );
  }
  lines.push("");
  lines.push(
    '3. Back in the wizard (Create a CA, "my organization\'s CA signs"), load this zip, every signed certificate (with its chain), and the CA certificate hosts should trust. The wizard checks each certificate against its key and CSR, assembles leaf-first chains and builds the per-host bundle.',
    "",
  );
  lines.push("## Files", "");
  for (const e of entries) lines.push(`- ${e.path}: ${e.purpose}`);
  lines.push("");
  return lines.join("\n");
}

/** Step 1 of the corporate-CA mode: a key and a CSR per certificate, and the plan file. */
export async function generateCsrBundle(
  crypto: Crypto,
  now: Date,
  plan: ResolvedPlan,
  onProgress: ProgressListener = () => {},
): Promise<Bundle> {
  const leaves = corporateLeaves(plan);
  const entries: ManifestEntry[] = [
    {
      path: PLAN_FILE,
      mode: PUBLIC_MODE,
      kind: "document",
      content: planFileJson(planFileOf(plan.savedInput, { ca: "" })),
      purpose: "The plan: load it on the Plan step to come back to these inputs.",
      host: OFFLINE_HOST,
    },
  ];
  for (const [done, leaf] of leaves.entries()) {
    onProgress({ done, total: leaves.length + 1, label: `Making key and CSR for ${leaf.commonName}` });
    const { keys, csr } = await makeCsr(crypto, {
      profile: leaf.profile,
      commonName: leaf.commonName,
      sans: leaf.sans,
      algorithm: plan.leafAlgorithm,
    });
    const names = cfsslNames(leaf.stem);
    entries.push({
      path: `${CSR_DIR}/${names.csr}`,
      mode: PUBLIC_MODE,
      kind: "csr",
      content: withNewline(csr.toString("pem")),
      purpose: `Certificate request for ${leaf.commonName}: send it to your CA.`,
      host: OFFLINE_HOST,
    });
    entries.push({
      path: `${CSR_DIR}/${names.key}`,
      mode: KEY_MODE,
      kind: "private-key",
      content: await privateKeyPem(crypto, keys.privateKey),
      purpose: `Private key of ${leaf.commonName}. Never send it anywhere; the wizard reads it back in step 2.`,
      host: OFFLINE_HOST,
    });
  }
  const all = [readmeEntry(csrReadme(plan, entries)), ...entries];
  onProgress({ done: leaves.length + 1, total: leaves.length + 1, label: "Done" });
  return { entries: all, zip: zipFiles(all, now), expiries: [], connections: [], generatedAt: now };
}
