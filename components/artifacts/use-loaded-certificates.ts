"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import type { SourceProblem } from "@/lib/bundle/certificate-sources";
import { expiryStatus } from "@/lib/pki/expiry-status";
import { daysUntil } from "@/lib/pki/format";
import type { CertificatesRead } from "@/lib/wizard/reader-protocol";

import { useFileReader } from "../files/use-file-reader";
import { webCryptoAvailable } from "../generate/crypto-available";

export type LoadedView = { status: "empty" } | { status: "reading" } | ({ status: "done" } & CertificatesRead);

const NO_CRYPTO: SourceProblem = {
  name: "this page",
  reason: "failed to read the certificates: this browser hides WebCrypto on this page (see the message at the top).",
};

/**
 * Certificates the user loads on the Renew step. Files and pasted text live in this component's
 * state only: never in the wizard's input, so never in sessionStorage, and gone when the page is left.
 * They are read in the reading Worker: a hostile zip or a file of garbage costs its time, and
 * Cancel stops it. Days left follow the page's clock without reading anything again.
 */
export function useLoadedCertificates(now: Date) {
  const [files, setFiles] = useState<File[]>([]);
  const [pasted, setPasted] = useState("");
  const [read, setRead] = useState<LoadedView>({ status: "empty" });
  /** The files whose reading was cancelled, named until the next load. */
  const [cancelled, setCancelled] = useState<string[]>([]);
  const reader = useFileReader();
  const { read: request } = reader;
  const clock = useRef(now);
  useEffect(() => {
    clock.current = now;
  }, [now]);

  useEffect(() => {
    if (files.length === 0 && pasted.trim() === "") {
      setRead({ status: "empty" });
      return;
    }
    if (!webCryptoAvailable()) {
      setRead({ status: "done", groups: [], problems: [NO_CRYPTO], ignoredKeys: [] });
      return;
    }
    setRead({ status: "reading" });
    void request((requestId) => ({
      type: "certificates",
      requestId,
      files,
      pasted,
      now: clock.current.getTime(),
    })).then((outcome) => {
      if (outcome.type === "certificates") setRead({ status: "done", ...outcome.result });
      else if (outcome.type === "failed")
        setRead({
          status: "done",
          groups: [],
          problems: [{ name: "the files", reason: outcome.message }],
          ignoredKeys: [],
        });
      else if (outcome.type === "cancelled") {
        // What was not read is not kept: the list shows only files whose certificates are shown.
        setCancelled(files.map((f) => f.name));
        setFiles([]);
      }
    });
  }, [files, pasted, request]);

  // The Worker read the dates; how many days are left is the page's clock's business.
  const view = useMemo<LoadedView>(() => {
    if (read.status !== "done") return read;
    const groups = read.groups.map((g) => {
      const daysLeft = daysUntil(now, g.certificate.notAfter);
      return {
        ...g,
        certificate: { ...g.certificate, daysLeft, status: expiryStatus(daysLeft, now, g.certificate.notAfter) },
      };
    });
    return { ...read, groups };
  }, [read, now]);

  /** Adds picked or dropped files; one loaded again under the same name replaces the earlier copy. */
  const add = useCallback((picked: readonly File[]) => {
    setCancelled([]);
    setFiles((old) => [...old.filter((o) => !picked.some((p) => p.name === o.name)), ...picked]);
  }, []);
  const remove = useCallback((name: string) => setFiles((old) => old.filter((f) => f.name !== name)), []);

  return { files, pasted, setPasted, add, remove, view, progress: reader.progress, cancel: reader.cancel, cancelled };
}
