/** Sensu's default ports; the wizard does not move them, so the guides' firewall advice still holds. */
export const API_PORT = 8080;
export const AGENT_PORT = 8081;
export const WEB_UI_PORT = 3000;
export const ETCD_CLIENT_PORT = 2379;
export const ETCD_PEER_PORT = 2380;
