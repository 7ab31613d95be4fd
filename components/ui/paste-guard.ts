"use client";
import { type ClipboardEvent, type DragEvent, useCallback, useState } from "react";

import { CLIPBOARD_READ_MEASURE, tooLongToPaste } from "@/lib/files/caps";

type TextControl = HTMLTextAreaElement | HTMLInputElement;

/**
 * Refuses a paste or a dropped text that would take a field past `max` characters, on the event,
 * before the browser inserts it: Chromium lays out a textarea's whole text in one task, so a 10 MB
 * paste would freeze the page for 12–19 s however fast the wizard then refused it. maxLength stops
 * typing past the cap too. `refused` says why, naming the cap, until the field next changes.
 */
export function usePasteGuard(max: number, instead: string) {
  const [refused, setRefused] = useState<string | null>(null);
  const judge = (incoming: string, field: TextControl): string | null => {
    const selected = (field.selectionEnd ?? 0) - (field.selectionStart ?? 0);
    const length = field.value.length - selected + incoming.length;
    return length > max ? tooLongToPaste(length, max, instead) : null;
  };
  const onPaste = (event: ClipboardEvent<TextControl>) => {
    const start = performance.now();
    const text = event.clipboardData.getData("text/plain");
    performance.measure(CLIPBOARD_READ_MEASURE, { start });
    const message = judge(text, event.currentTarget);
    if (message) event.preventDefault();
    setRefused(message);
  };
  const onDrop = (event: DragEvent<TextControl>) => {
    const message = judge(event.dataTransfer.getData("text/plain"), event.currentTarget);
    if (message) event.preventDefault();
    setRefused(message);
  };
  const clear = useCallback(() => setRefused(null), []);
  return { refused, clear, guard: { onPaste, onDrop, maxLength: max } };
}
