"use client";
import { useCallback, useEffect, useRef, useState } from "react";

import type { Bundle } from "@/lib/bundle/bundle";
import type { Progress } from "@/lib/bundle/issue-all";
import type { GenerateReply } from "@/lib/bundle/worker-protocol";
import type { ResolvedPlan } from "@/lib/plan/resolved-plan";

import { webCryptoAvailable } from "./crypto-available";

export type Generation =
  | { status: "idle" }
  | { status: "running"; key: string; progress: Progress }
  | { status: "done"; key: string; bundle: Bundle; downloaded: boolean }
  | { status: "failed"; key: string; message: string };

export const GENERATE_MEASURE = "sensu-generate";

/** Owns the generation Worker. `key` identifies the inputs a bundle was made from. */
export function useGenerator() {
  const worker = useRef<Worker | null>(null);
  const request = useRef(0);
  const [generation, setGeneration] = useState<Generation>({ status: "idle" });

  useEffect(() => {
    if (!webCryptoAvailable()) return;
    // Created up front so the Generate click itself fetches nothing.
    const w = new Worker(new URL("./generate.worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  const generate = useCallback((plan: ResolvedPlan, now: Date, key: string) => {
    const w = worker.current;
    if (!w) return;
    const requestId = ++request.current;
    performance.mark(`${GENERATE_MEASURE}-start`);
    setGeneration({ status: "running", key, progress: { done: 0, total: 1, label: "Starting" } });
    w.onmessage = (event: MessageEvent<GenerateReply>) => {
      const reply = event.data;
      if (reply.requestId !== request.current) return;
      if (reply.type === "progress") setGeneration({ status: "running", key, progress: reply.progress });
      else if (reply.type === "failed") setGeneration({ status: "failed", key, message: reply.message });
      else {
        performance.measure(GENERATE_MEASURE, `${GENERATE_MEASURE}-start`);
        setGeneration({ status: "done", key, bundle: reply.bundle, downloaded: false });
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

  const markDownloaded = useCallback(() => {
    setGeneration((g) => (g.status === "done" ? { ...g, downloaded: true } : g));
  }, []);

  return { generation, generate, discard, markDownloaded };
}
