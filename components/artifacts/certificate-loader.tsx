"use client";
import { type DragEvent, useState } from "react";

import { MAX_PASTED_TEXT } from "@/lib/files/caps";

import { ReadProgressBar } from "../files/read-progress";
import { FieldMessages, inputClass } from "../ui/field";
import { FileInput } from "../ui/file-input";
import { Notice } from "../ui/notice";
import { usePasteGuard } from "../ui/paste-guard";
import { CertificateList } from "./certificate-list";
import { useLoadedCertificates } from "./use-loaded-certificates";

/** Unread key files named: a fleet's bundle has a thousand, and their names say nothing new. */
const KEYS_LISTED = 20;
/**
 * Load a bundle zip, .pem files or pasted PEM and see every certificate in it. What is loaded stays
 * in this component: nothing is saved, and leaving the step forgets it.
 */
export function CertificateLoader({ now }: { now: Date }) {
  const { files, pasted, setPasted, add, remove, view, progress, cancel, cancelled } = useLoadedCertificates(now);
  const paste = usePasteGuard(MAX_PASTED_TEXT, "Load the bundle zip or the .pem files instead (above).");
  const [dragging, setDragging] = useState(false);
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = Array.from(event.dataTransfer.files);
    if (dropped.length > 0) add(dropped);
  };
  const over = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(true);
  };
  const allProblems = view.status === "done" ? view.problems : [];
  // A file that could not be read at all is named at the file input; what its certificates hold, below.
  const fileProblems = allProblems.filter((p) => p.unread).map((p) => p.reason);
  const problems = allProblems.filter((p) => !p.unread);
  const keys = view.status === "done" ? view.ignoredKeys : [];
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 lg:grid-cols-2">
        <div
          onDragOver={over}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
          className={`flex flex-col gap-2 rounded-lg border-2 border-dashed p-4 ${dragging ? "border-sky-600 bg-sky-50" : "border-slate-300 bg-white"}`}
        >
          <FileInput
            id="renew.files"
            label="Load a bundle zip or certificate files"
            hint="Or drop them here. From a zip, every .pem holding a certificate is read; private keys (-key.pem) are never opened."
            accept=".zip,.pem,.crt,.cer,application/zip"
            multiple
            errors={fileProblems}
            onPick={add}
          >
            {progress && <ReadProgressBar progress={progress} onCancel={cancel} />}
          </FileInput>
          {files.length > 0 && (
            <ul aria-label="Loaded files" className="flex flex-col gap-1 text-sm">
              {files.map((f) => (
                <li key={f.name} className="flex flex-wrap items-center gap-x-3">
                  <span className="font-mono text-xs break-all">{f.name}</span>
                  <button type="button" className="rounded px-1 text-sky-800 underline" onClick={() => remove(f.name)}>
                    Remove {f.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="renew.pasted" className="text-sm font-medium text-slate-800">
            Or paste PEM certificates
          </label>
          <textarea
            id="renew.pasted"
            rows={6}
            spellCheck={false}
            value={pasted}
            placeholder="-----BEGIN CERTIFICATE-----"
            aria-describedby={paste.refused ? "renew.pasted-msg renew.pasted-hint" : "renew.pasted-hint"}
            aria-invalid={paste.refused ? true : undefined}
            {...paste.guard}
            onChange={(e) => {
              paste.clear();
              setPasted(e.target.value);
            }}
            className={`${inputClass(paste.refused !== null)} font-mono text-xs`}
          />
          <div role="alert">
            {paste.refused && <FieldMessages id="renew.pasted-msg" errors={[paste.refused]} warnings={[]} />}
          </div>
          <p id="renew.pasted-hint" className="text-xs text-slate-600">
            One or more -----BEGIN CERTIFICATE----- blocks, as cat prints them. A private key pasted here is dropped
            unread.
          </p>
        </div>
      </div>
      <div aria-live="polite" className="flex flex-col gap-3">
        {view.status === "reading" && <p className="text-sm text-slate-700">Reading the certificates…</p>}
        {cancelled.length > 0 && (
          <Notice tone="warning">
            Reading {cancelled.join(", ")} was cancelled: nothing from {cancelled.length === 1 ? "it" : "them"} is
            shown. Load fewer files at a time, or the bundle zip as downloaded.
          </Notice>
        )}
        {problems.length > 0 && (
          <Notice
            tone="danger"
            title={
              problems.length === 1
                ? "1 problem reading what you loaded; the rest is shown"
                : `${problems.length} problems reading what you loaded; the rest is shown`
            }
          >
            <ul className="list-disc pl-5">
              {problems.map((p) => (
                <li key={`${p.name}:${p.reason}`}>{p.reason}</li>
              ))}
            </ul>
          </Notice>
        )}
        {keys.length > 0 && (
          <details className="text-sm text-slate-700">
            <summary className="cursor-pointer">
              {keys.length === 1 ? "1 private key" : `${keys.length.toLocaleString("en-US")} private keys`} left unread:
              only certificates are read here.
            </summary>
            <ul aria-label="Private keys left unread" className="mt-1 pl-5 font-mono text-xs">
              {keys.slice(0, KEYS_LISTED).map((k) => (
                <li key={k} className="break-all">
                  {k}
                </li>
              ))}
              {keys.length > KEYS_LISTED && (
                <li className="font-sans">and {(keys.length - KEYS_LISTED).toLocaleString("en-US")} more</li>
              )}
            </ul>
          </details>
        )}
      </div>
      {view.status === "done" && view.groups.length > 0 && <CertificateList groups={view.groups} />}
    </div>
  );
}
