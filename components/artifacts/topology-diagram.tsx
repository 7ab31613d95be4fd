import type { ReactNode } from "react";

import type { ResolvedPlan } from "@/lib/plan/resolved-plan";
import type { Connection } from "@/lib/sensu/connection";

const W = 760;
const BOX = { w: 130, h: 44 };

function xs(count: number): number[] {
  const gap = W / count;
  return Array.from({ length: count }, (_, i) => gap * i + gap / 2);
}

const colour = (failed: boolean | undefined) => (failed ? "#b91c1c" : "#0369a1");

/**
 * The deployment at a glance: the operator, the backends and the agents, each arrow labelled with
 * its port and the certificate it checks. Red arrows are connections the cross-check failed.
 * The table below says the same in words, for screen readers.
 */
export function TopologyDiagram({ plan, connections }: { plan: ResolvedPlan; connections?: readonly Connection[] }) {
  const failed = (kind: Connection["kind"], to?: string) =>
    connections?.some((c) => c.kind === kind && c.status === "fail" && (to === undefined || c.to.startsWith(to)));
  const backendX = xs(plan.backends.length);
  const agentX = xs(Math.min(plan.agents.length, 5));
  const agents = plan.agents.slice(0, 5);
  const [opY, beY, agY] = [40, 190, 340];
  const mtls = plan.mtls.enabled ? " + agent cert (mTLS)" : "";
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-2">
      <svg viewBox={`0 0 ${W} 400`} role="img" aria-labelledby="topology-title topology-desc" className="h-auto w-full">
        <title id="topology-title">Connections between the operator, the backends and the agents</title>
        <desc id="topology-desc">
          sensuctl and browsers reach every backend over https on ports 8080 and 3000; backends talk etcd to each other
          on port 2380 and to themselves on 2379; agents reach every backend over wss on port 8081.
        </desc>
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#475569" />
          </marker>
        </defs>
        {backendX.map((x, i) => (
          <line
            key={`op${i}`}
            x1={W / 2}
            y1={opY + BOX.h / 2}
            x2={x}
            y2={beY - BOX.h / 2}
            stroke={colour(failed("api", plan.backends[i]?.name) || failed("web-ui", plan.backends[i]?.name))}
            strokeWidth="1.5"
            markerEnd="url(#arrow)"
          />
        ))}
        <Label x={W / 2} y={opY + 62}>
          https :8080 sensuctl · :3000 browser — backend certificate, checked with ca.pem
        </Label>
        {backendX.slice(1).map((x, i) => (
          <line
            key={`peer${i}`}
            x1={(backendX[i] ?? 0) + BOX.w / 2}
            y1={beY}
            x2={x - BOX.w / 2}
            y2={beY}
            stroke={colour(failed("etcd-peer"))}
            strokeWidth="2"
            markerStart="url(#arrow)"
            markerEnd="url(#arrow)"
          />
        ))}
        {plan.backends.length > 1 && (
          <Label x={W / 2} y={beY - 32}>
            etcd peers https :2380 — each backend&apos;s own certificate, both ways
          </Label>
        )}
        {agentX.flatMap((ax, a) =>
          backendX.map((bx, b) => (
            <line
              key={`ag${a}-${b}`}
              x1={ax}
              y1={agY - BOX.h / 2}
              x2={bx}
              y2={beY + BOX.h / 2}
              stroke={colour(failed("agent", plan.backends[b]?.name))}
              strokeWidth="1"
              opacity="0.8"
              markerEnd="url(#arrow)"
            />
          )),
        )}
        <Label x={W / 2} y={agY - 40}>
          wss :8081 — backend certificate checked with ca.pem{mtls}
        </Label>
        <Box x={W / 2} y={opY} label="Operator" sub="sensuctl, browser" />
        {plan.backends.map((b, i) => (
          <Box key={b.name} x={backendX[i] ?? 0} y={beY} label={b.name} sub={`${b.ip ?? "localhost"} · etcd :2379`} />
        ))}
        {agents.map((a, i) => (
          <Box key={a.commonName} x={agentX[i] ?? 0} y={agY} label={a.commonName} sub="agent (client)" />
        ))}
      </svg>
      {plan.agents.length > 5 && (
        <figcaption className="text-xs text-slate-600">
          And {(plan.agents.length - 5).toLocaleString("en-US")} more agent certificates.
        </figcaption>
      )}
    </figure>
  );
}

/** A white halo keeps labels readable where they cross the arrows. */
function Label({ x, y, children }: { x: number; y: number; children: ReactNode }) {
  return (
    <text
      x={x}
      y={y}
      fontSize="12"
      textAnchor="middle"
      fill="#0f172a"
      stroke="#ffffff"
      strokeWidth="5"
      paintOrder="stroke"
      strokeLinejoin="round"
    >
      {children}
    </text>
  );
}

/** Characters of a bold 13 px name that fit a box; a longer one is cut, whole in its tooltip. */
const LABEL_CHARS = 16;

function Box({ x, y, label, sub }: { x: number; y: number; label: string; sub: string }) {
  const cut = label.length > LABEL_CHARS;
  return (
    <g>
      {cut && <title>{label}</title>}
      <rect x={x - BOX.w / 2} y={y - BOX.h / 2} width={BOX.w} height={BOX.h} rx="8" fill="#f8fafc" stroke="#334155" />
      <text x={x} y={y - 3} fontSize="13" fontWeight="600" textAnchor="middle" fill="#0f172a">
        {cut ? `${label.slice(0, LABEL_CHARS - 1)}…` : label}
      </text>
      <text x={x} y={y + 13} fontSize="10" textAnchor="middle" fill="#475569">
        {sub}
      </text>
    </g>
  );
}
