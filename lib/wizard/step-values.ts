import type { AgentsValue } from "./parse-agents";
import type { ApiValue } from "./parse-api";
import type { AssetsValue } from "./parse-assets";
import type { BackendsValue } from "./parse-backends";
import type { CaValue } from "./parse-ca";
import type { EtcdValue } from "./parse-etcd";
import type { RenewValue } from "./parse-renew";
import type { RevocationValue } from "./parse-revocation";
import type { TransportValue } from "./parse-transport";
import type { StepParse } from "./step-parse";
import type { StepId } from "./steps";

/** Each step's parsed value; steps with nothing to parse have null. */
export interface StepValues {
  plan: null;
  ca: CaValue;
  backends: BackendsValue;
  agents: AgentsValue;
  etcd: EtcdValue;
  api: ApiValue;
  "agent-transport": TransportValue;
  "agent-mtls": null;
  revocation: RevocationValue;
  assets: AssetsValue;
  "trust-store": null;
  renew: RenewValue;
  download: null;
}

export type ParsedSteps = { [K in StepId]: StepParse<StepValues[K]> };
