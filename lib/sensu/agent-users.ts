import { dump } from "js-yaml";

/** Sensu seeds this binding: it grants the system:agent role to every member of group system:agents. */
export const SEEDED_AGENT_BINDING = "system:agent";
export const CN_BINDING = "agents-by-certificate-cn";

/**
 * One Sensu user per agent certificate CN and a binding that gives exactly those users the agent
 * role, for `sensuctl create -f`. With mTLS the backend maps the certificate's CN to the user of
 * that name, so once the seeded group binding is deleted an unknown CN gets nothing (reference
 * point 15). The passwords are random and never used: agents authenticate by certificate.
 */
export function agentUsersYaml(commonNames: readonly string[], passwords: ReadonlyMap<string, string>): string {
  const users = commonNames.map((cn) => ({
    type: "User",
    api_version: "core/v2",
    metadata: {},
    spec: { username: cn, password: passwords.get(cn) ?? "", groups: [], disabled: false },
  }));
  const binding = {
    type: "ClusterRoleBinding",
    api_version: "core/v2",
    metadata: { name: CN_BINDING },
    spec: {
      role_ref: { type: "ClusterRole", name: "system:agent" },
      subjects: commonNames.map((name) => ({ type: "User", name })),
    },
  };
  return [...users, binding]
    .map((doc) => `---\n${dump(doc, { forceQuotes: true, quoteStyle: "double", lineWidth: -1 })}`)
    .join("");
}

/** The operator's commands, in order, once agents use their certificates. */
export function agentUserCommands(file: string): string[] {
  return [
    `sensuctl create -f ${file}`,
    `sensuctl cluster-role-binding delete ${SEEDED_AGENT_BINDING}   # unknown CNs are now refused`,
    "sensuctl user change-password agent --interactive   # the seeded agent / P@ssw0rd! login",
  ];
}

/** 32 random bytes, base64url: a password nobody types. */
export function randomPassword(crypto: Crypto): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
