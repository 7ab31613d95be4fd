import type { PlannedBuild } from "./builds";
import type { SudoersPlan } from "./model";
import { hostPattern } from "./root-owned";
import { shellQuote } from "./tokens";

// The root-owned mode's install script. The asset cache is written by the agent's user, so sudo
// must never point into it; instead root fetches each chosen build itself, checks the archive
// against the sha512 in the asset definition, and copies only the named commands into a directory
// that only root can write. The rules in /etc/sudoers.d/sensu-assets name exactly those copies.

export const COPY_SCRIPT_FILE = "install-sensu-asset-commands.sh";

/** The name the archive has in ARCHIVE_DIR: the last part of its URL when that is a plain file name. */
export function archiveFileName(build: PlannedBuild): string {
  const last =
    build.build.url
      .replace(/[?#].*$/, "")
      .split("/")
      .pop() ?? "";
  return /^[A-Za-z0-9][A-Za-z0-9._+-]{0,200}$/.test(last) ? last : `${build.build.sha512}.tar.gz`;
}

/** "'linux'/'amd64'/*": a case pattern whose literal parts are quoted, so a value can only match itself. */
function casePattern(build: PlannedBuild): string {
  return hostPattern(build.build)
    .split("/")
    .map((part) => (part === "*" ? "*" : shellQuote(part)))
    .join("/");
}

const specificity = (b: PlannedBuild) => hostPattern(b.build).split("*").length;

function assetBlock(builds: PlannedBuild[], rootDir: string): string[] {
  const first = builds[0];
  if (!first || !first.rootBinDir) return [];
  const name = first.asset.name;
  const relative = first.rootBinDir.slice(rootDir.length);
  const lines = [`# ${name}`, 'case "$HOST" in'];
  // The most specific pattern first: "linux/amd64" before "linux/any arch".
  for (const b of [...builds].sort((x, y) => specificity(x) - specificity(y))) {
    const others = b.build.filters.filter((f) => !["os", "arch", "arm_version"].includes(f.field));
    lines.push(`  ${casePattern(b)})`);
    if (others.length > 0)
      lines.push(`    # Not checked here: ${others.map((f) => `${f.field} ${f.op} ${f.value}`).join(", ")}`);
    lines.push(
      `    install_build ${shellQuote(name)} ${shellQuote(b.label)} \\`,
      `      ${shellQuote(b.build.sha512)} \\`,
      `      ${shellQuote(b.build.url)} \\`,
      `      ${shellQuote(archiveFileName(b))} ${b.build.headers && Object.keys(b.build.headers).length > 0 ? "headers" : "plain"} \\`,
      `      "$ROOT_DIR"${shellQuote(relative)} \\`,
      `      ${b.commands.map(shellQuote).join(" ")}`,
      "    ;;",
    );
  }
  lines.push(`  *) skip ${shellQuote(name)} ;;`, "esac", "");
  return lines;
}

const PRELUDE = String.raw`ARCHIVE_DIR=${"${1:-}"}
skipped=0

fail() {
  printf 'install-sensu-asset-commands: %s\n' "$*" >&2
  exit 1
}

skip() {
  printf 'install-sensu-asset-commands: skipped %s: no chosen build fits %s\n' "$1" "$HOST" >&2
  skipped=1
}

[ "$(id -u)" -eq 0 ] || fail "failed to start: run it as root (sudo sh $0)"
for tool in sha512sum tar install mktemp uname find; do
  command -v "$tool" >/dev/null 2>&1 || fail "failed to find $tool"
done

# The host in Sensu's terms: entity.system.os, .arch (Go's GOARCH) and .arm_version.
host_os=$(uname -s | tr '[:upper:]' '[:lower:]')
host_arm=-
case "$(uname -m)" in
  x86_64 | amd64) host_arch=amd64 ;;
  aarch64 | arm64) host_arch=arm64 ;;
  armv5*) host_arch=arm host_arm=5 ;;
  armv6*) host_arch=arm host_arm=6 ;;
  armv7* | armv8l) host_arch=arm host_arm=7 ;;
  i386 | i486 | i586 | i686) host_arch=386 ;;
  *) host_arch=$(uname -m) ;;
esac
HOST="$host_os/$host_arch/$host_arm"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Refuses a path that anyone but root could change, checking every component up to /: one owned
# by another user or writable by its group or by everyone could be renamed and replaced, and a
# symbolic link is only as safe as whoever can change where it points (and where that leads).
# Components that do not exist yet are skipped: install -d makes them as root, and the check runs
# again on the result.
check_root_owned() {
  dir=$1
  while :; do
    if [ -L "$dir" ]; then
      fail "failed to trust $dir: it is a symbolic link; give ROOT_DIR as a path without links"
    fi
    if [ -e "$dir" ] && [ -n "$(find "$dir" -maxdepth 0 \( ! -user root -o -perm /022 \) -print)" ]; then
      fail "failed to trust $dir: it must be owned by root and writable by root only"
    fi
    [ "$dir" != / ] || break
    dir=$(dirname "$dir")
  done
}

# Before anything is downloaded: a directory others control is refused however the rest would go.
check_root_owned "$ROOT_DIR"

# install_build NAME LABEL SHA512 URL ARCHIVE_NAME plain|headers DEST COMMAND...
install_build() {
  name=$1 label=$2 sha=$3 url=$4 file=$5 access=$6 dest=$7
  shift 7
  rm -rf "$WORK/archive" "$WORK/x"
  if [ -n "$ARCHIVE_DIR" ]; then
    cp "$ARCHIVE_DIR/$file" "$WORK/archive" || fail "failed to read $ARCHIVE_DIR/$file"
  elif [ "$access" = headers ]; then
    fail "failed to download $name ($label): it needs HTTP headers; download $url yourself and pass its directory"
  elif command -v curl >/dev/null 2>&1; then
    curl -fsSL --proto '=https,http' -o "$WORK/archive" "$url" || fail "failed to download $url"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$WORK/archive" "$url" || fail "failed to download $url"
  else
    fail "failed to download $url: install curl or wget, or pass a directory holding the archives"
  fi
  printf '%s  %s\n' "$sha" "$WORK/archive" | sha512sum -c --status - ||
    fail "failed to verify $name ($label): the archive's sha512 differs from the asset definition"
  mkdir "$WORK/x"
  tar -xf "$WORK/archive" -C "$WORK/x" --no-same-owner || fail "failed to unpack $name ($label)"
  check_root_owned "$dest"
  install -d -o root -g root -m 0755 "$ROOT_DIR" "$dest"
  check_root_owned "$dest"
  for cmd in "$@"; do
    src="$WORK/x/bin/$cmd"
    if [ ! -f "$src" ] || [ -L "$src" ]; then
      fail "failed to find the file bin/$cmd in $name ($label)"
    fi
    install -o root -g root -m 0755 "$src" "$dest/.$cmd.new"
    mv -f "$dest/.$cmd.new" "$dest/$cmd"
    printf 'installed %s\n' "$dest/$cmd"
  done
}
`;

/** The copy script for a root-owned plan; null for the other modes, which need no script. */
export function renderCopyScript(plan: SudoersPlan): string | null {
  if (plan.mode !== "root-owned") return null;
  const byAsset = new Map<string, PlannedBuild[]>();
  for (const b of plan.builds) byAsset.set(b.asset.name, [...(byAsset.get(b.asset.name) ?? []), b]);
  const header = [
    "#!/bin/sh",
    `# ${COPY_SCRIPT_FILE}: generated by Sensu TLS Wizard, for /etc/sudoers.d/sensu-assets.`,
    "# For each asset it picks the chosen build that fits this host, downloads the archive (or takes it",
    "# from the directory given as the first argument, under the name of the last part of its URL),",
    "# checks the archive against the sha512 in the asset definition and copies only the named",
    `# commands into ${plan.rootDir}/<asset>/bin, owned by root, mode 0755. Only those files are`,
    "# copied: a command that needs the rest of its asset (lib/, a Ruby or Python runtime) will not",
    "# run from the copy; keep such checks on a cache mode, or package them as root yourself.",
    "# Run it as root on every agent host, and again whenever the chosen builds change:",
    `#   sudo sh ${COPY_SCRIPT_FILE} [ARCHIVE_DIR]`,
    "",
    "set -eu",
    "umask 022",
    "",
    `ROOT_DIR=${shellQuote(plan.rootDir)}`,
  ];
  const blocks = [...byAsset.values()].flatMap((builds) => assetBlock(builds, plan.rootDir));
  return [...header, PRELUDE, ...blocks, 'if [ "$skipped" -ne 0 ]; then exit 3; fi', ""].join("\n");
}
