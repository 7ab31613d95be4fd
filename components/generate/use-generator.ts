"use client";
import { useCallback, useEffect, useRef, useState } from "react";

import type { BundleSummary } from "@/lib/bundle/bundle-summary";
import type { Progress } from "@/lib/bundle/issue-all";
import type { GenerateReply } from "@/lib/bundle/worker-protocol";
import type { ResolvedPlan } from "@/lib/plan/resolved-plan";

import { webCryptoAvailable } from "./crypto-available";

export type Generation =
  | { status: "idle" }
  /** `startedAt` (performance.now()) gives the rate and time left. */
  | { status: "running"; key: string; progress: Progress; startedAt: number }
  | { status: "done"; key: string; bundle: BundleSummary; downloaded: boolean }
  | { status: "failed"; key: string; message: string };

export const GENERATE_MEASURE = "sensu-generate";

const newWorker = () => new Worker(new URL("./generate.worker.ts", import.meta.url), { type: "module" });

/** Owns the generation Worker. `key` identifies the inputs a bundle was made from. */
export function useGenerator() {
  const worker = useRef<Worker | null>(null);
  const request = useRef(0);
  const [generation, setGeneration] = useState<Generation>({ status: "idle" });

  useEffect(() => {
    if (!webCryptoAvailable()) return;
    // Created up front so the Generate click itself fetches nothing.
    worker.current = newWorker();
    return () => {
      worker.current?.terminate();
      worker.current = null;
    };
  }, []);

  const generate = useCallback((plan: ResolvedPlan, now: Date, key: string) => {
    const w = worker.current;
    if (!w) return;
    const requestId = ++request.current;
    const startedAt = performance.now();
    performance.mark(`${GENERATE_MEASURE}-start`);
    setGeneration({ status: "running", key, progress: { done: 0, total: 1, label: "Starting" }, startedAt });
    w.onmessage = (event: MessageEvent<GenerateReply>) => {
      const reply = event.data;
      if (reply.requestId !== request.current) return;
      if (reply.type === "progress") setGeneration({ status: "running", key, progress: reply.progress, startedAt });
      else if (reply.type === "failed") setGeneration({ status: "failed", key, message: reply.message });
      else {
        performance.measure(GENERATE_MEASURE, `${GENERATE_MEASURE}-start`);
        setGeneration({ status: "done", key, bundle: reply.summary, downloaded: false });
      }
    };
    w.onerror = (event) =>
      setGeneration({ status: "failed", key, message: event.message || "the generation worker stopped" });
    w.postMessage({ type: "generate", requestId, plan, now: now.getTime() });
  }, []);

  const discard = useCallback(() => {
    request.current++;
    setGeneration({ status: "idle" });
  }, []);

  /** Stops generation at once: the Worker and every key it made so far go; a fresh one waits. */
  const cancel = useCallback(() => {
    request.current++;
    worker.current?.terminate();
    worker.current = webCryptoAvailable() ? newWorker() : null;
    setGeneration({ status: "idle" });
  }, []);

  const markDownloaded = useCallback(() => {
    setGeneration((g) => (g.status === "done" ? { ...g, downloaded: true } : g));
  }, []);

  return { generation, generate, discard, cancel, markDownloaded };
}
