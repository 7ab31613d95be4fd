"use client";
import { useCallback, useEffect, useRef, useState } from "react";

import {
  type CertificateGroup,
  certificateSources,
  groupIdentical,
  type SourceProblem,
} from "@/lib/bundle/certificate-sources";
import type { LoadedFile } from "@/lib/files/read-files";
import { describeCertificates } from "@/lib/pki/describe-cert";

import { webCryptoAvailable } from "../generate/crypto-available";

export type LoadedView =
  | { status: "empty" }
  | { status: "reading" }
  | { status: "done"; groups: CertificateGroup[]; problems: SourceProblem[]; ignoredKeys: string[] };

/**
 * Certificates the user loads on the Renew step. Files and pasted text live in this component's
 * state only: never in the wizard's input, so never in sessionStorage, and gone when the page is left.
 * Parsing runs on the main thread: a bundle holds a few dozen small certificates, and each
 * fingerprint awaits WebCrypto, so the page keeps answering while a zip is read.
 */
export function useLoadedCertificates(now: Date) {
  const [files, setFiles] = useState<LoadedFile[]>([]);
  const [pasted, setPasted] = useState("");
  const [view, setView] = useState<LoadedView>({ status: "empty" });
  // Days left are counted when the certificates are read: the wizard's clock moves with every edit
  // and every minute, and following it would read every loaded file again each time.
  const clock = useRef(now);
  useEffect(() => {
    clock.current = now;
  }, [now]);

  useEffect(() => {
    if (files.length === 0 && pasted.trim() === "") {
      setView({ status: "empty" });
      return;
    }
    let current = true;
    setView({ status: "reading" });
    const sources = certificateSources(files, pasted);
    const finish = (problems: SourceProblem[], groups: CertificateGroup[] = []) => {
      if (current) setView({ status: "done", groups, problems, ignoredKeys: sources.ignoredKeys });
    };
    if (!webCryptoAvailable()) {
      finish([
        ...sources.problems,
        {
          name: "this page",
          reason:
            "failed to read the certificates: this browser hides WebCrypto on this page (see the message at the top).",
        },
      ]);
    } else {
      describeCertificates(globalThis.crypto, clock.current, sources.files).then(
        (described) => finish([...sources.problems, ...described.skipped], groupIdentical(described.certificates)),
        (e: unknown) =>
          finish([
            ...sources.problems,
            {
              name: "the certificates",
              reason: `failed to read the certificates: ${e instanceof Error ? e.message : String(e)}`,
            },
          ]),
      );
    }
    return () => {
      current = false;
    };
  }, [files, pasted]);

  /** Adds files (as lib/files loaded them); one loaded again under the same name replaces the earlier copy. */
  const add = useCallback((loaded: readonly LoadedFile[]) => {
    setFiles((old) => [...old.filter((o) => !loaded.some((r) => r.name === o.name)), ...loaded]);
  }, []);
  const remove = useCallback((name: string) => setFiles((old) => old.filter((f) => f.name !== name)), []);

  return { files, pasted, setPasted, add, remove, view };
}
