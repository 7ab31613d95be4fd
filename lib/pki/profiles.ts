/** EKU OIDs (RFC 5280 §4.2.1.12). Plain strings so the page can load profiles without x509. */
export const SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
export const CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

export type ProfileId = "backend" | "agent" | "web-ui";

export interface SigningProfile {
  id: ProfileId;
  /** cfssl's usage names, written to ca-config.json exactly as the guide has them. */
  cfsslUsages: readonly string[];
  /** Extended key usage OIDs put in the certificate. */
  extendedKeyUsages: readonly string[];
  /** Default validity in hours: the guide's 4320h (six months) for both profiles. */
  defaultValidityHours: number;
}

/** cfssl's `signing.default.expiry` in the guide's ca-config.json (two years). */
export const CFSSL_DEFAULT_EXPIRY_HOURS = 17520;

export const PROFILES: Record<ProfileId, SigningProfile> = {
  // serverAuth for the API, web UI, agent websocket and etcd listeners; clientAuth because the same
  // certificate is presented as etcd peer client and as the backend's own etcd client
  // (reference point 4).
  backend: {
    id: "backend",
    cfsslUsages: ["signing", "key encipherment", "server auth", "client auth"],
    extendedKeyUsages: [SERVER_AUTH, CLIENT_AUTH],
    defaultValidityHours: 4320,
  },
  // Agents only ever dial out, so clientAuth alone: an agent certificate can never pose as a server.
  agent: {
    id: "agent",
    cfsslUsages: ["signing", "key encipherment", "client auth"],
    extendedKeyUsages: [CLIENT_AUTH],
    defaultValidityHours: 4320,
  },
  // The web UI's own certificate only ever serves browsers: serverAuth alone.
  "web-ui": {
    id: "web-ui",
    cfsslUsages: ["signing", "key encipherment", "server auth"],
    extendedKeyUsages: [SERVER_AUTH],
    defaultValidityHours: 4320,
  },
};
