import type { ResolvedPlan } from "../plan/resolved-plan";

/** What install.sh prints last on a backend: restart it, in the cluster's order. */
export function backendNextSteps(plan: ResolvedPlan, name: string): string[] {
  const order = plan.backends.map((b) => b.name);
  if (order.length === 1) {
    return [
      "",
      "Next: systemctl restart sensu-backend",
      "Then restart every agent (their install.sh), and check: sensuctl cluster health",
    ];
  }
  const position = order.indexOf(name) + 1;
  // A new cluster cannot come up one member at a time: etcd needs a majority before any is healthy.
  if (plan.etcd.state === "new") {
    return [
      "",
      `Next: install on every member (${order.join(", ")}), then start sensu-backend on all of them within a minute of each other: etcd waits for a majority.`,
      "Then run: sensuctl cluster health; every member should be healthy.",
      "Restart the agents only after that (the agents' install.sh).",
    ];
  }
  return [
    "",
    `Next: systemctl restart sensu-backend on ${name} (member ${position} of ${order.length}).`,
    `Restart the members one at a time, in this order: ${order.join(", ")}.`,
    "After each restart run: sensuctl cluster health; wait until every member is healthy before the next.",
    "A running cluster still on http peer URLs: update each member first, for example: sensuctl cluster member-update <id> https://<ip>:2380",
    "Restart the agents only after every backend is back (the agents' install.sh).",
  ];
}

export function agentNextSteps(): string[] {
  return [
    "",
    "Next, once every backend runs with TLS: systemctl restart sensu-agent",
    "Then check its log for a wss connection: journalctl -u sensu-agent -n 50",
  ];
}
