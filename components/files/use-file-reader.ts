"use client";
import { useCallback, useEffect, useRef, useState } from "react";

import type { ReadProgress } from "@/lib/files/read-files";
import type { ReaderReply, ReaderRequest } from "@/lib/wizard/reader-protocol";

/** The answer to one request; "cancelled" when Cancel stopped it, "replaced" when a newer request did. */
export type ReadOutcome = Exclude<ReaderReply, { type: "progress" }> | { type: "cancelled" } | { type: "replaced" };

interface Pending {
  requestId: number;
  resolve: (outcome: ReadOutcome) => void;
}

/**
 * Owns one reading Worker, made on the first request. Cancel terminates it, the only way to stop
 * a Worker in the middle of unpacking, and the next request makes a new one.
 */
export function useFileReader() {
  const worker = useRef<Worker | null>(null);
  const pending = useRef<Pending | null>(null);
  const lastId = useRef(0);
  const [progress, setProgress] = useState<ReadProgress | null>(null);

  const settle = useCallback((outcome: ReadOutcome) => {
    const p = pending.current;
    pending.current = null;
    setProgress(null);
    p?.resolve(outcome);
  }, []);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  useEffect(() => stop, [stop]);

  const start = useCallback((): Worker => {
    if (worker.current) return worker.current;
    const w = new Worker(new URL("./read.worker.ts", import.meta.url), { type: "module" });
    w.onmessage = (event: MessageEvent<ReaderReply>) => {
      const reply = event.data;
      if (reply.requestId !== pending.current?.requestId) return;
      if (reply.type === "progress") setProgress(reply.progress);
      else settle(reply);
    };
    w.onerror = (event) => {
      stop();
      settle({ type: "failed", requestId: lastId.current, message: event.message || "the reading worker stopped" });
    };
    worker.current = w;
    return w;
  }, [settle, stop]);

  /** Sends a request; a request still running is answered "replaced" (the Worker finishes it unseen). */
  const read = useCallback(
    (make: (requestId: number) => ReaderRequest): Promise<ReadOutcome> => {
      settle({ type: "replaced" });
      const requestId = ++lastId.current;
      const request = make(requestId);
      setProgress({ done: 0, total: Math.max(request.files.length, 1), label: "Reading" });
      return new Promise<ReadOutcome>((resolve) => {
        pending.current = { requestId, resolve };
        start().postMessage(request);
      });
    },
    [settle, start],
  );

  const cancel = useCallback(() => {
    stop();
    settle({ type: "cancelled" });
  }, [settle, stop]);

  return { progress, read, cancel };
}
