"use client";
import { useEffect, useState } from "react";

import { webCryptoAvailable } from "../generate/crypto-available";

/** Says, before anything fails, that this browser hides WebCrypto here, and how to open the wizard instead. */
export function SecureContextNotice() {
  const [host, setHost] = useState<string | null>(null);
  useEffect(() => {
    if (!webCryptoAvailable()) setHost(window.location.host);
  }, []);
  if (!host) return null;
  return (
    <div role="alert" className="border-b border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950">
      <div className="mx-auto flex max-w-7xl flex-col gap-1">
        <p className="font-semibold">This browser cannot make keys on this page.</p>
        <p>
          Browsers provide WebCrypto only in a secure context: <code>https://</code>, or <code>http://localhost</code>.
          This page was opened as <code>http://{host}</code>. You can still fill in every step; to generate:
        </p>
        <ul className="list-disc pl-5">
          <li>
            open it on the machine running it, at <code>http://localhost:{host.split(":")[1] ?? "3000"}</code>, or
          </li>
          <li>
            from your workstation, tunnel to it:{" "}
            <code>
              ssh -L 3000:localhost:{host.split(":")[1] ?? "3000"} user@{host.split(":")[0]}
            </code>
            , then open <code>http://localhost:3000</code>, or
          </li>
          <li>
            serve the built <code>out/</code> folder over HTTPS.
          </li>
        </ul>
      </div>
    </div>
  );
}
