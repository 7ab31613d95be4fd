"use client";
import { useEffect, useState } from "react";

/**
 * A module's export loaded the first time `wanted` is true, then kept: code only some inputs need
 * (x509 for an organization's CA, js-yaml and the sudoers model for asset definitions) stays out of every page's first load.
 * Undefined until it arrives; the parse then reports the step as still checking, never as valid.
 */
export function useLazy<T>(wanted: boolean, load: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<{ value: T }>();
  useEffect(() => {
    if (!wanted || value) return;
    let live = true;
    void load().then((v) => live && setValue({ value: v }));
    return () => {
      live = false;
    };
  }, [wanted, value, load]);
  return value?.value;
}
