import { cfsslNames } from "../plan/file-names";
import type { ResolvedPlan } from "../plan/resolved-plan";
import { planFileEntry } from "./common-entries";
import { type CorporateLeaf, corporateLeaves, CSR_DIR } from "./corporate-leaves";
import { KEY_MODE, type LayoutEntry, OFFLINE_HOST, PUBLIC_MODE } from "./manifest-entry";

/** Corporate CA, step 1: nothing is signed yet, so the download is keys and requests, not host folders. */
export function awaitsSignedCertificates(plan: ResolvedPlan): boolean {
  return plan.ca.corporatePem !== undefined && !plan.corporateLeaves;
}

/** What fills the keys-and-CSRs layout: each certificate's new key and request (PEM), by file stem. */
export type CsrFill = Map<string, { key: string; csr: string }>;

type Entry = LayoutEntry<CsrFill>;

export interface CsrLayout {
  /** The plan file, then a request and a key per certificate. */
  entries: Entry[];
  /** Each certificate to ask for, with its request's path: the README's table. */
  requests: { leaf: CorporateLeaf; path: string }[];
}

function made(fill: CsrFill, leaf: CorporateLeaf): { key: string; csr: string } {
  const pems = fill.get(leaf.stem);
  if (!pems) throw new Error(`failed to build the CSR bundle: no key was made for ${leaf.stem}`);
  return pems;
}

export function csrLayout(plan: ResolvedPlan): CsrLayout {
  const requests: CsrLayout["requests"] = [];
  const entries: Entry[] = [
    planFileEntry(plan, "The plan: load it on the Plan step to come back to these inputs.", () => ({ ca: "" })),
  ];
  for (const leaf of corporateLeaves(plan)) {
    const names = cfsslNames(leaf.stem);
    const path = `${CSR_DIR}/${names.csr}`;
    requests.push({ leaf, path });
    entries.push(
      {
        path,
        mode: PUBLIC_MODE,
        kind: "csr",
        purpose: `Certificate request for ${leaf.commonName}: send it to your CA.`,
        host: OFFLINE_HOST,
        content: (fill) => made(fill, leaf).csr,
      },
      {
        path: `${CSR_DIR}/${names.key}`,
        mode: KEY_MODE,
        kind: "private-key",
        purpose: `Private key of ${leaf.commonName}. Never send it anywhere; the wizard reads it back in step 2.`,
        host: OFFLINE_HOST,
        content: (fill) => made(fill, leaf).key,
      },
    );
  }
  return { entries, requests };
}
