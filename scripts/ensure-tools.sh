#!/usr/bin/env bash
# Makes sure the real tools the tests feed the bundle to are installed: Debian's Chromium (e2e),
# etcd and etcdctl, cfssl, openssl, unzip, visudo (package sudo), shellcheck, and Ansible with the
# sensu.sensu_go collection Debian's package ships. As root it installs what is missing with
# apt-get; otherwise it prints the exact command and fails.
set -euo pipefail

declare -A PACKAGE_OF=(
  [chromium]=chromium
  [etcd]=etcd-server
  [etcdctl]=etcd-client
  [cfssl]=golang-cfssl
  [openssl]=openssl
  [unzip]=unzip
  [python3]=python3
  [visudo]=sudo
  [shellcheck]=shellcheck
  [ansible-playbook]=ansible
)

missing=()
for tool in "${!PACKAGE_OF[@]}"; do
  if [[ "$tool" == chromium && -n "${CHROMIUM_PATH:-}" && -x "${CHROMIUM_PATH}" ]]; then continue; fi
  # visudo lives in /usr/sbin, which is often not on an ordinary user's PATH.
  command -v "$tool" >/dev/null 2>&1 || [[ -x "/usr/sbin/$tool" ]] || missing+=("${PACKAGE_OF[$tool]}")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

mapfile -t packages < <(printf '%s\n' "${missing[@]}" | sort -u)
if [[ "$(id -u)" -ne 0 ]]; then
  echo "failed to find the test tools. Install them first, as root:" >&2
  echo "  apt-get update && apt-get install -y ${packages[*]}" >&2
  exit 1
fi
echo "Installing missing test tools: ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
