import { makeCsr } from "../pki/csr";
import { privateKeyPem, withNewline } from "../pki/pem";
import { PROFILES } from "../pki/profiles";
import type { ResolvedPlan } from "../plan/resolved-plan";
import type { Bundle } from "./bundle";
import { readmeEntry } from "./common-entries";
import { type CsrFill, type CsrLayout, csrLayout } from "./csr-layout";
import type { ProgressListener } from "./issue-all";
import { fillEntry } from "./manifest-entry";
import { code, row, text } from "./markdown";
import { zipFiles } from "./zip";

const USAGE_WORDS: Record<string, string> = { "1.3.6.1.5.5.7.3.1": "serverAuth", "1.3.6.1.5.5.7.3.2": "clientAuth" };

/** Written from the layout alone: it names files and what to ask for, never their contents. */
function csrReadme(layout: CsrLayout): string {
  const lines = ["# Keys and certificate requests for your organization's CA", ""];
  lines.push("Generated on this machine by Sensu TLS Wizard. This is step 1 of 2: nothing here is deployable yet.", "");
  lines.push(
    "1. Keep this zip: the *-key.pem files are the private keys, and the wizard needs them again in step 2. Store it like any key material.",
  );
  lines.push(
    "2. Send only the .csr files to your CA. Ask for each certificate with exactly the names and usages below (the CSRs request them as extensions):",
    "",
  );
  lines.push("| CSR | common name | subject alternative names | extended key usage |", "|---|---|---|---|");
  for (const { leaf, path } of layout.requests) {
    const usages = PROFILES[leaf.profile].extendedKeyUsages.map((u) => USAGE_WORDS[u] ?? u).join(" + ");
    lines.push(
      row([code(path), code(leaf.commonName), leaf.sans.map((s) => code(s.value)).join(", ") || "none", usages]),
    );
  }
  lines.push("");
  lines.push(
    '3. Back in the wizard (Create a CA, "my organization\'s CA signs"), load this zip, every signed certificate (with its chain), and the CA certificate hosts should trust. The wizard checks each certificate against its key and CSR, assembles leaf-first chains and builds the per-host bundle.',
    "",
  );
  lines.push("## Files", "");
  for (const e of layout.entries) lines.push(`- ${code(e.path)}: ${text(e.purpose)}`);
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
  const layout = csrLayout(plan);
  const total = layout.requests.length + 1;
  const fill: CsrFill = new Map();
  for (const [done, { leaf }] of layout.requests.entries()) {
    onProgress({ done, total, label: `Making key and CSR for ${leaf.commonName}` });
    const { keys, csr } = await makeCsr(crypto, {
      profile: leaf.profile,
      commonName: leaf.commonName,
      sans: leaf.sans,
      algorithm: plan.leafAlgorithm,
    });
    fill.set(leaf.stem, { csr: withNewline(csr.toString("pem")), key: await privateKeyPem(crypto, keys.privateKey) });
  }
  const all = [readmeEntry(csrReadme(layout)), ...layout.entries.map((e) => fillEntry(e, fill))];
  onProgress({ done: total, total, label: "Done" });
  return { entries: all, zip: zipFiles(all, now), expiries: [], connections: [], generatedAt: now };
}
