import { type ReactNode, useState } from "react";

import type { CertificateGroup } from "@/lib/bundle/certificate-sources";
import type { CertificateDescription } from "@/lib/pki/describe-cert";
import { EXPIRING_SOON_DAYS, type ExpiryStatus } from "@/lib/pki/expiry-status";
import { formatUtc } from "@/lib/pki/format";

import { count } from "../ui/count";
import { PageNav } from "../ui/page-nav";
import { SearchField } from "../ui/search-field";
import { usePaged } from "../ui/use-paged";

const BADGE: Record<ExpiryStatus, { label: string; className: string; card: string }> = {
  expired: { label: "Expired", className: "bg-red-700 text-white", card: "border-red-400 ring-1 ring-red-400" },
  "expiring-soon": {
    label: "Expires soon",
    className: "bg-amber-300 text-amber-950",
    card: "border-amber-400 ring-1 ring-amber-400",
  },
  ok: { label: "Valid", className: "bg-emerald-100 text-emerald-900", card: "border-slate-300" },
};

/** Copies named per card: a CA sits in every host folder of a fleet's bundle. */
const COPIES_LISTED = 10;

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
              {copies.slice(0, COPIES_LISTED).join(", ")}
              {copies.length > COPIES_LISTED &&
                ` and ${(copies.length - COPIES_LISTED).toLocaleString("en-US")} more (every host folder holds one)`}
            </Row>
          )}
        </dl>
      </article>
    </li>
  );
}

/** Cards per page: a 1,000-agent bundle's certificates would otherwise be 10,000 DOM rows at once. */
const PAGE_SIZE = 25;

/** What a search matches: the names people look for, the serial, and where the file was found. */
function matches(g: CertificateGroup, needle: string): boolean {
  const c = g.certificate;
  return [c.subject, c.serialHex, ...c.dnsNames, ...c.ipAddresses, ...g.sources].some((t) =>
    t.toLowerCase().includes(needle),
  );
}

/** Loaded certificates, soonest expiry first, expired and expiring ones marked; searched and paged. */
export function CertificateList({ groups }: { groups: readonly CertificateGroup[] }) {
  const [query, setQuery] = useState("");
  const expired = groups.filter((g) => g.certificate.status === "expired").length;
  const soon = groups.filter((g) => g.certificate.status === "expiring-soon").length;
  const needle = query.trim().toLowerCase();
  const matching = needle ? groups.filter((g) => matches(g, needle)) : groups;
  const { page: current, pages, first, slice: shown, setPage } = usePaged(matching, PAGE_SIZE);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-800">
        {count(groups.length)} {groups.length === 1 ? "certificate" : "certificates"}, soonest expiry first:{" "}
        <strong className={expired ? "text-red-800" : ""}>{count(expired)} expired</strong>,{" "}
        <strong className={soon ? "text-amber-900" : ""}>
          {count(soon)} {soon === 1 ? "expires" : "expire"} within {EXPIRING_SOON_DAYS} days
        </strong>
        .
      </p>
      {groups.length > PAGE_SIZE && (
        <div className="flex flex-col gap-1">
          <SearchField
            label="Find a certificate"
            value={query}
            onChange={(q) => {
              setQuery(q);
              setPage(0);
            }}
            placeholder="name, serial or path"
          />
          <PageNav
            label="Certificate pages"
            page={current}
            pages={pages}
            onPage={setPage}
            status={
              matching.length === 0
                ? "No certificate matches."
                : `Showing ${count(first + 1)}–${count(first + shown.length)} of ${count(matching.length)}${needle ? " matching" : ""} (page ${current + 1} of ${pages})`
            }
          />
        </div>
      )}
      <ol aria-label="Loaded certificates, soonest expiry first" className="flex flex-col gap-3">
        {shown.map((g, i) => (
          <CertificateCard key={g.certificate.sha256} group={g} index={first + i} />
        ))}
      </ol>
    </div>
  );
}
