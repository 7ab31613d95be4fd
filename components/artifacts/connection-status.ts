import type { ConnectionStatus } from "@/lib/sensu/connection";

/** How a connection's result is coloured wherever it is shown: the table rows and the agent search. */
export const STATUS_CLASS: Record<ConnectionStatus, string> = {
  pass: "text-emerald-800",
  fail: "font-semibold text-red-800",
  note: "text-amber-800",
};
