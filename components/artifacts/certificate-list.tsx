import type { ReactNode } from "react";

import type { CertificateGroup } from "@/lib/bundle/certificate-sources";
import { type CertificateDescription, EXPIRING_SOON_DAYS, type ExpiryStatus } from "@/lib/pki/describe-cert";
import { formatUtc } from "@/lib/pki/format";

const BADGE: Record<ExpiryStatus, { label: string; className: string; card: string }> = {
  expired: { label: "Expired", className: "bg-red-700 text-white", card: "border-red-400 ring-1 ring-red-400" },
  "expiring-soon": {
    label: "Expires soon",
    className: "bg-amber-300 text-amber-950",
    card: "border-amber-400 ring-1 ring-amber-400",
  },
  ok: { label: "Valid", className: "bg-emerald-100 text-emerald-900", card: "border-slate-300" },
};

/** "CN=backend-1.example.com, O=…" → "backend-1.example.com": the name people know it by. */
function commonName(subject: string): string {
  return /(?:^|,\s*)CN=([^,]+)/.exec(subject)?.[1] ?? subject;
}

export function daysLeftText(c: CertificateDescription): string {
  if (c.status === "expired")
    return c.daysLeft >= -1 ? "expired in the last day" : `expired ${-c.daysLeft - 1} days ago`;
  return c.daysLeft === 1 ? "1 day left" : `${c.daysLeft} days left`;
}

function Row({ term, children, mono }: { term: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="contents">
      <dt className="font-medium text-slate-600">{term}</dt>
      <dd className={`min-w-0 break-words text-slate-900 ${mono ? "font-mono text-xs leading-5" : ""}`}>{children}</dd>
    </div>
  );
}

function CertificateCard({ group, index }: { group: CertificateGroup; index: number }) {
  const c = group.certificate;
  const badge = BADGE[c.status];
  const id = `cert-${index}`;
  const names = [...c.dnsNames, ...c.ipAddresses];
  const usages = [...c.keyUsages, ...c.extendedKeyUsages];
  const [first, ...copies] = group.sources;
  return (
    <li>
      <article
        aria-labelledby={id}
        className={`flex flex-col gap-3 rounded-lg border bg-white p-4 shadow-sm ${badge.card}`}
      >
        <header className="flex flex-wrap items-start justify-between gap-2">
          <div className="flex min-w-0 flex-col">
            <h3 id={id} className="font-semibold break-all text-slate-950">
              {commonName(c.subject)}
              {c.isCa && (
                <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">CA</span>
              )}
            </h3>
            <p className="font-mono text-xs break-all text-slate-600">
              {first}
              {copies.length > 0 && (
                <span className="font-sans">
                  {" "}
                  (and {copies.length} identical {copies.length === 1 ? "copy" : "copies"})
                </span>
              )}
            </p>
          </div>
          <p className="flex items-center gap-2 text-sm">
            <span className={`rounded px-2 py-0.5 text-xs font-semibold ${badge.className}`}>{badge.label}</span>
            <span className={c.status === "ok" ? "text-slate-800" : "font-semibold text-slate-950"}>
              {daysLeftText(c)}
            </span>
          </p>
        </header>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
          <Row term="Expires">{formatUtc(c.notAfter)}</Row>
          <Row term="Valid from">{formatUtc(c.notBefore)}</Row>
          <Row term="Subject">{c.subject}</Row>
          <Row term="Issuer">{c.issuer === c.subject ? `${c.issuer} (self-signed)` : c.issuer}</Row>
          <Row term="Names (SANs)">{c.hasSanExtension ? names.join(", ") : "none (no SAN extension)"}</Row>
          <Row term="Key usage">{usages.length > 0 ? usages.join(", ") : "not restricted"}</Row>
          <Row term="Serial" mono>
            {c.serialHex}
          </Row>
          <Row term="SHA-256" mono>
            {c.sha256}
          </Row>
          <Row term="SHA-1" mono>
            {c.sha1}
          </Row>
          {copies.length > 0 && (
            <Row term="Also at" mono>
              {copies.join(", ")}
            </Row>
          )}
        </dl>
      </article>
    </li>
  );
}

/** Loaded certificates, soonest expiry first, expired and expiring ones marked. */
export function CertificateList({ groups }: { groups: readonly CertificateGroup[] }) {
  const expired = groups.filter((g) => g.certificate.status === "expired").length;
  const soon = groups.filter((g) => g.certificate.status === "expiring-soon").length;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-800">
        {groups.length} {groups.length === 1 ? "certificate" : "certificates"}, soonest expiry first:{" "}
        <strong className={expired ? "text-red-800" : ""}>{expired} expired</strong>,{" "}
        <strong className={soon ? "text-amber-900" : ""}>
          {soon} {soon === 1 ? "expires" : "expire"} within {EXPIRING_SOON_DAYS} days
        </strong>
        .
      </p>
      <ol aria-label="Loaded certificates, soonest expiry first" className="flex flex-col gap-3">
        {groups.map((g, i) => (
          <CertificateCard key={g.certificate.sha256} group={g} index={i} />
        ))}
      </ol>
    </div>
  );
}
