"use client";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";

import { assetsInUse } from "@/lib/wizard/assets-in-use";
import { corporateStems } from "@/lib/wizard/corporate-files";
import { defaultInput, type WizardInput } from "@/lib/wizard/model";
import { parseWizard, type WizardState } from "@/lib/wizard/parse";
import {
  LEGACY_STORAGE_KEY,
  loadOrDefault,
  parseVisited,
  STORAGE_KEY,
  storageText,
  VISITED_KEY,
} from "@/lib/wizard/persist";
import type { StepId } from "@/lib/wizard/steps";

import { type Generation, useGenerator } from "../generate/use-generator";
import { useCaChecks } from "./use-ca-checks";
import { useLazy } from "./use-lazy";

interface WizardContextValue {
  input: WizardInput;
  /** Apply a pure change (lib/wizard/update.ts) to the inputs. */
  update: (change: (input: WizardInput) => WizardInput) => void;
  /** The inputs as saved: a bundle made from other inputs is discarded. */
  inputKey: string;
  /** The parse has caught up with the last edit: only then may anything be issued from it. */
  settled: boolean;
  /** The one parse of the inputs: each step's problems and values, and the plan once all are valid. */
  state: WizardState;
  /** The one clock: checks, expiry caps and issuing all read it. */
  now: Date;
  visited: readonly StepId[];
  markVisited: (id: StepId) => void;
  generator: ReturnType<typeof useGenerator>;
}

/** How often the clock moves: often enough for day-granular validity, rarely enough to cost nothing. */
const CLOCK_TICK_MS = 60_000;
const EPOCH = new Date(0);
/** Quiet time before the inputs are written to sessionStorage (a reload or close writes at once). */
const SAVE_AFTER_MS = 300;

// The parse's readers that need x509 or js-yaml, fetched only when the input calls for them.
const loadCaPemReader = () => import("@/lib/wizard/ca-pem-reader").then((m) => m.CA_PEM_READER);
const loadAssetsReader = () => import("@/lib/wizard/assets-reader").then((m) => m.ASSETS_READER);

const WizardContext = createContext<WizardContextValue | null>(null);

export function useWizard(): WizardContextValue {
  const value = useContext(WizardContext);
  if (!value) throw new Error("useWizard must be used inside WizardProvider");
  return value;
}

/**
 * Wizard state, mounted once in the wizard layout so it survives moving between steps. Inputs are
 * not secret and go to sessionStorage (a reload loses nothing); keys and the bundle stay in memory.
 */
export function WizardProvider({ children }: { children: ReactNode }) {
  const [input, setInput] = useState<WizardInput>(defaultInput);
  const loaded = useRef<WizardInput | null>(null);
  const [visited, setVisited] = useState<StepId[]>([]);
  const [now, setNow] = useState<Date | null>(null);
  const generator = useGenerator();

  useEffect(() => {
    loaded.current = loadOrDefault(sessionStorage.getItem(STORAGE_KEY) ?? sessionStorage.getItem(LEGACY_STORAGE_KEY));
    setInput(loaded.current);
    setVisited(parseVisited(sessionStorage.getItem(VISITED_KEY)));
    setNow(new Date());
    // A tab left open overnight, untouched, still checks validity against today.
    const tick = setInterval(() => setNow(new Date()), CLOCK_TICK_MS);
    return () => clearInterval(tick);
  }, []);

  // The parse and everything keyed by it follow the input a render behind: a keystroke paints at
  // once, and a fleet's 10,000-row parse runs in its own task after it (React's deferred value),
  // never making typing wait. The plan and its key come from the same input, so they always agree.
  const parsed = useDeferredValue(input);
  // Everything typed, in-memory-only asset definitions included: any edit makes a bundle stale.
  const inputKey = useMemo(() => JSON.stringify(parsed), [parsed]);
  const ready = now !== null;
  // Saved once typing pauses, and at once when the page goes: a fleet's inputs are half a megabyte
  // of JSON, and writing them on every keystroke took longer than the keystroke itself.
  useEffect(() => {
    if (!ready) return;
    // What was just read back needs no writing.
    let pending = input !== loaded.current;
    const save = () => {
      if (pending) sessionStorage.setItem(STORAGE_KEY, storageText(input));
      pending = false;
    };
    const timer = setTimeout(save, SAVE_AFTER_MS);
    window.addEventListener("pagehide", save);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pagehide", save);
    };
  }, [ready, input]);
  useEffect(() => {
    if (ready) sessionStorage.setItem(VISITED_KEY, JSON.stringify(visited));
  }, [ready, visited]);

  const { generation, discard } = generator;
  useEffect(() => {
    if (generation.status !== "idle" && generation.key !== inputKey) discard();
  }, [generation, inputKey, discard]);
  useLeaveGuard(generation);

  const markVisited = useCallback((id: StepId) => setVisited((v) => (v.includes(id) ? v : [...v, id])), []);
  // The clock moves with every change, so what was just loaded (a certificate signed a moment ago) is
  // checked against the present, and the plan is issued at the time it was last checked.
  const update = useCallback((change: (i: WizardInput) => WizardInput) => {
    setInput(change);
    setNow(new Date());
  }, []);
  const clock = now ?? EPOCH;
  const { backends, agents, api } = parsed;
  const stems = useMemo(() => corporateStems({ backends, agents, api }), [backends, agents, api]);
  const caChecks = useCaChecks(parsed, clock, stems);
  const readCaPem = useLazy(parsed.ca.source === "corporate", loadCaPemReader);
  const parseAssets = useLazy(assetsInUse(parsed), loadAssetsReader);
  const state = useMemo(
    () => parseWizard(parsed, { now: clock, caChecks, readCaPem, parseAssets }),
    [parsed, clock, caChecks, readCaPem, parseAssets],
  );

  const settled = parsed === input;
  // Until the inputs read back from sessionStorage have been parsed once, the state would describe
  // the defaults: show nothing rather than a plan that is not the user's.
  const [synced, setSynced] = useState(false);
  useEffect(() => {
    if (ready && settled) setSynced(true);
  }, [ready, settled]);

  if (!now || !synced) {
    return (
      <p className="p-8 text-sm text-slate-600" role="status">
        Loading the wizard…
      </p>
    );
  }
  return (
    <WizardContext.Provider value={{ input, update, inputKey, settled, state, now, visited, markVisited, generator }}>
      {children}
    </WizardContext.Provider>
  );
}

/** A generated bundle exists only in this tab's memory: leaving before downloading loses its keys. */
function useLeaveGuard(generation: Generation) {
  const unsaved = generation.status === "done" && !generation.downloaded;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
}
