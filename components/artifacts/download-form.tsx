"use client";

import { memo, useDeferredValue, useMemo } from "react";

import type { BundleSummary } from "@/lib/bundle/bundle-summary";
import { awaitsSignedCertificates } from "@/lib/bundle/csr-layout";
import type { PlannedEntry } from "@/lib/bundle/manifest-entry";
import { plannedEntries } from "@/lib/bundle/planned";
import type { ResolvedPlan } from "@/lib/plan/resolved-plan";

import { webCryptoAvailable } from "../generate/crypto-available";
import { StepsNeedingAttention } from "../steps/resolved-plan";
import type { StepFormProps } from "../steps/step-form-props";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { useWizard } from "../wizard/wizard-provider";
import { ConnectionTable } from "./connection-table";
import { bundleFileName, downloadZip } from "./download-zip";
import { FileTable } from "./file-table";
import { GenerateProgress } from "./generate-progress";
import { TopologyDiagram } from "./topology-diagram";

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export function DownloadForm({ now, state: { resolved } }: StepFormProps) {
  const { generator, inputKey, settled } = useWizard();
  const { generation, generate, discard, cancel, markDownloaded } = generator;
  const crypto = webCryptoAvailable();

  // The planned tree of a 10,000-agent fleet is 50,000 rows: laid out once per plan, not per render.
  const planned = useMemo(() => (resolved.ok ? plannedEntries(resolved.plan) : []), [resolved]);
  // The Download button comes first; the review below (thousands of rows at fleet scale) follows in
  // an interruptible render, so neither waits on the other nor blocks the page.
  const shownBundle = useDeferredValue(generation.status === "done" ? generation.bundle : null);
  if (!resolved.ok)
    return (
      <StepsNeedingAttention
        steps={resolved.steps}
        tone="danger"
        title="Some steps need attention before anything can be generated"
      />
    );
  const plan = resolved.plan;
  const bundle = generation.status === "done" ? generation.bundle : null;
  const failures = bundle ? bundle.connections.filter((c) => c.status === "fail") : [];
  // Corporate mode before the signed certificates are back: the download is keys and CSRs only.
  const csrStep = awaitsSignedCertificates(plan);
  // Issued at the clock the plan was just checked against, so the Worker and the checks agree.
  const start = () => generate(plan, now, inputKey);
  return (
    <div className="flex flex-col gap-6">
      {csrStep && (
        <Notice title="Step 1 of 2: keys and certificate requests for your organization's CA">
          <p>
            This download holds a private key and a CSR per certificate, and a README saying what to ask your CA for.
            Send only the .csr files; then load the zip and the signed certificates on Create a CA to build the host
            bundles.
          </p>
        </Notice>
      )}
      {plan.ca.corporatePem ? (
        <p className="text-slate-700">
          {plan.backends.length} backend and {plan.agents.length.toLocaleString("en-US")} agent certificates, signed by
          your organization&apos;s CA, with keys made in this browser tab. Nothing is uploaded or stored.
        </p>
      ) : (
        <p className="text-slate-700">
          {plan.agentCa ? "2 CAs" : "1 CA"}, {plan.backends.length} backend{" "}
          {plan.backends.length === 1 ? "certificate" : "certificates"} and {plan.agents.length.toLocaleString("en-US")}{" "}
          agent {plan.agents.length === 1 ? "certificate" : "certificates"}, each with its own key. Everything is made
          in this browser tab; nothing is uploaded or stored. The keys exist only in this tab's memory until you
          download them.
        </p>
      )}
      {!crypto && (
        <Notice tone="danger" title="Generation is unavailable on this page">
          See the message at the top of the page: this browser hides WebCrypto here.
        </Notice>
      )}
      {generation.status === "running" && (
        <GenerateProgress progress={generation.progress} startedAt={generation.startedAt} onCancel={cancel} />
      )}
      {generation.status === "failed" && (
        <Notice tone="danger" role="alert" title="Failed to generate the bundle">
          <p>{generation.message}</p>
          <p>Nothing was kept. Your inputs are unchanged; try again.</p>
        </Notice>
      )}
      {bundle && failures.length > 0 && (
        <Notice
          tone="danger"
          role="alert"
          title={`${failures.length} ${failures.length === 1 ? "connection" : "connections"} would fail: nothing is offered for download`}
        >
          <p>
            The cross-check below found certificates and settings that do not fit together. Fix the inputs it names,
            then generate again.
          </p>
          <div>
            <Button variant="danger" onClick={discard}>
              Discard and fix the inputs
            </Button>
          </div>
        </Notice>
      )}
      {bundle && failures.length === 0 ? (
        <Notice tone="success" role="status" title="Bundle ready">
          <p>
            {bundle.files.length.toLocaleString("en-US")} files, {kib(bundle.zip.byteLength)}.{" "}
            {generation.status === "done" && generation.downloaded
              ? "Downloaded. The keys are still in this tab until you discard them or close it."
              : "Download it now: the keys are in this tab's memory only, and leaving the page loses them."}
          </p>
          <div className="flex flex-wrap gap-3">
            <Button
              onClick={() => {
                downloadZip(bundle.zip, bundleFileName(bundle.generatedAt));
                markDownloaded();
              }}
            >
              Download {bundleFileName(bundle.generatedAt)}
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                const downloaded = generation.status === "done" && generation.downloaded;
                if (
                  downloaded ||
                  window.confirm("Discard the keys? They have not been downloaded and cannot be recovered.")
                )
                  discard();
              }}
            >
              Discard keys
            </Button>
          </div>
          <ul className="text-xs">
            {bundle.expiries.map((e) => (
              <li key={e.path}>
                <span className="font-mono">{e.path}</span>
                {e.count > 1
                  ? ` and ${(e.count - 1).toLocaleString("en-US")} more agent certificates expire `
                  : " expires "}
                {e.notAfter.toISOString().slice(0, 10)}
              </li>
            ))}
          </ul>
        </Notice>
      ) : bundle ? null : (
        <div>
          <Button onClick={start} disabled={!crypto || !settled || generation.status === "running"}>
            {generation.status === "running"
              ? "Generating…"
              : csrStep
                ? "Generate keys and certificate requests"
                : "Generate keys and certificates"}
          </Button>
        </div>
      )}
      <BundleReview plan={plan} bundle={shownBundle} planned={planned} csrStep={csrStep} />
    </div>
  );
}

interface BundleReviewProps {
  plan: ResolvedPlan;
  bundle: BundleSummary | null;
  planned: readonly PlannedEntry[];
  csrStep: boolean;
}

/** The connections and files of the bundle (or of the plan, before one is made). Memoised: progress re-renders the form. */
const BundleReview = memo(function BundleReview({ plan, bundle, planned, csrStep }: BundleReviewProps) {
  return (
    <>
      {!csrStep && (
        <section className="flex flex-col gap-3" aria-labelledby="connections-heading">
          <h2 id="connections-heading" className="text-lg font-semibold">
            Connections
          </h2>
          <p className="text-sm text-slate-700">
            {bundle
              ? "Checked against the certificates just issued and the settings in the bundle: the scheme, the CA the client verifies with, the host name among the certificate's names, key usage, and validity today."
              : "Once generated, every connection below is checked against the issued certificates and the written settings before anything is offered for download."}
          </p>
          <TopologyDiagram plan={plan} connections={bundle?.connections} />
          {bundle && (
            <ConnectionTable
              connections={bundle.connections}
              groups={bundle.groups}
              agents={plan.agents.map((a) => a.commonName)}
              backends={plan.backends.map((b) => b.name)}
            />
          )}
        </section>
      )}
      <section className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">
          {bundle
            ? "Files in the bundle"
            : csrStep
              ? "Files the keys-and-CSRs zip will hold"
              : "Files the bundle will hold"}
        </h2>
        <FileTable entries={bundle ? bundle.files : planned} />
      </section>
    </>
  );
});
