"use client";
import { useState } from "react";

import type { Texts } from "@/lib/files/read-files";
import type { ReadPurpose } from "@/lib/wizard/read-purposes";

import { FileInput, type FileInputProps } from "../ui/file-input";
import { ReadProgressBar } from "./read-progress";
import { useFileReader } from "./use-file-reader";

export interface ReadFileInputProps extends Omit<FileInputProps, "onPick" | "children"> {
  /** Which place in the wizard reads: its caps, zip entries and "load … instead". */
  purpose: ReadPurpose;
  /**
   * Gets the texts the Worker read; what it returns is shown with the reasons files were not read,
   * until the next pick.
   */
  onRead: (read: Texts) => readonly string[] | void;
}

/** A file input whose files are read by the reading Worker, with progress and Cancel while it works. */
export function ReadFileInput({ purpose, onRead, errors = [], ...input }: ReadFileInputProps) {
  const reader = useFileReader();
  const [messages, setMessages] = useState<readonly string[]>([]);
  const pick = async (files: File[]) => {
    setMessages([]);
    const outcome = await reader.read((requestId) => ({ type: "texts", requestId, purpose, files }));
    if (outcome.type === "cancelled")
      setMessages([`Reading ${files.map((f) => f.name).join(", ")} was cancelled: nothing was loaded.`]);
    else if (outcome.type === "failed") setMessages([outcome.message]);
    else if (outcome.type === "texts")
      setMessages([...outcome.result.problems.map((p) => p.reason), ...(onRead(outcome.result) ?? [])]);
  };
  return (
    <FileInput {...input} errors={[...messages, ...errors]} onPick={(files) => void pick(files)}>
      {reader.progress && <ReadProgressBar progress={reader.progress} onCancel={reader.cancel} />}
    </FileInput>
  );
}
