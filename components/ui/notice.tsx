import type { ReactNode } from "react";

const TONES = {
  info: "border-sky-200 bg-sky-50 text-sky-950",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  danger: "border-red-300 bg-red-50 text-red-950",
  success: "border-emerald-300 bg-emerald-50 text-emerald-950",
} as const;

export function Notice({
  tone = "info",
  title,
  children,
  role,
}: {
  tone?: keyof typeof TONES;
  title?: ReactNode;
  children: ReactNode;
  role?: "alert" | "status";
}) {
  return (
    <div role={role} className={`rounded-lg border p-4 text-sm leading-relaxed ${TONES[tone]}`}>
      {title && <p className="mb-1 font-semibold">{title}</p>}
      <div className="flex flex-col gap-2">{children}</div>
    </div>
  );
}
