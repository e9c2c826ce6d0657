#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine with only Node 20 + npm lacks for this repo's tests:
#   - Debian packages: chromium (browser tests), libkrb5-dev (code-server's kerberos module), ripgrep,
#     openssl (a self-signed certificate in a test)
#   - code-server 4.100.3 (a real VS Code 1.100.3 for the extension's end-to-end tests), installed
#     with npm into a cache folder outside the workspace.
# Idempotent: whatever is already installed is skipped. Works as root (CI) or with sudo.
#
#   CODE_SERVER_DIR   where code-server goes (default: $HOME/.cache/whmcs-ticket-counts/code-server)
#
# The extension's E2E tests find code-server at $CODE_SERVER_DIR/node_modules/.bin/code-server.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# @vscode/ripgrep (a code-server dependency) downloads this from GitHub unless it finds it cached.
RIPGREP_PACKAGE_VERSION=1.15.11
RIPGREP_VERSION=v13.0.0-10
CODE_SERVER_DIR="${CODE_SERVER_DIR:-$HOME/.cache/whmcs-ticket-counts/code-server}"

log() { printf 'setup-test-machine: %s\n' "$*"; }
fail() {
  printf 'setup-test-machine: %s\n' "$*" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    fail "installing Debian packages needs root; run this script as root or install sudo."
  fi
}

# --- Debian packages -------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed' ||
  missing+=(libkrb5-dev)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
# The extension's CA-file test makes a self-signed certificate with it.
command -v openssl >/dev/null 2>&1 || missing+=(openssl)

if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  # With recommends, as tested here: Chromium then brings fonts-liberation and Mesa.
  as_root apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "Debian packages already installed"
fi

# --- code-server -----------------------------------------------------------------------------
code_server_bin="$CODE_SERVER_DIR/node_modules/.bin/code-server"
# On its first run code-server writes a default config file and logs a line saying so before the
# version, so: a throwaway config home (nothing lands in ~/.config), and the line that starts with a
# version number. Capture first, then match: `grep -q` closing the pipe early would fail under pipefail.
installed_version() {
  local config_home
  config_home="$(mktemp -d)"
  XDG_CONFIG_HOME="$config_home" "$code_server_bin" --version 2>/dev/null |
    awk '/^[0-9]+\.[0-9]+\.[0-9]+ / { print $1; exit }' || true
  rm -rf "$config_home"
}
if [ -x "$code_server_bin" ] && [ "$(installed_version)" = "$CODE_SERVER_VERSION" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in $CODE_SERVER_DIR"
  exit 0
fi

case "$(uname -m)" in
x86_64) ripgrep_target=x86_64-unknown-linux-musl ;;
aarch64) ripgrep_target=aarch64-unknown-linux-musl ;;
*) fail "no ripgrep archive name known for $(uname -m); extend this script." ;;
esac

log "installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR (takes a few minutes)"
mkdir -p "$CODE_SERVER_DIR"
# A private TMPDIR: @vscode/ripgrep looks for its archive under $TMPDIR, and nothing else is left behind.
work_tmp="$(mktemp -d)"
trap 'rm -rf "$work_tmp"' EXIT

ripgrep_cache="$work_tmp/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
mkdir -p "$ripgrep_cache"
tar -C "$(dirname "$(command -v rg)")" -czf \
  "$ripgrep_cache/ripgrep-$RIPGREP_VERSION-$ripgrep_target.tar.gz" rg

# Its own package.json keeps npm from walking up into a workspace (code-server refuses pnpm).
[ -f "$CODE_SERVER_DIR/package.json" ] ||
  printf '{ "name": "code-server-for-tests", "private": true }\n' >"$CODE_SERVER_DIR/package.json"

(
  cd "$CODE_SERVER_DIR"
  # unsafe-perm: its install script refuses to run as root otherwise.
  # yes: node-pty runs `npx node-gyp`, which would ask a question.
  TMPDIR="$work_tmp" \
    npm_config_unsafe_perm=true \
    npm_config_yes=true \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false \
    npm install --loglevel=error "code-server@$CODE_SERVER_VERSION" >"$work_tmp/npm.log" 2>&1 ||
    {
      tail -n 40 "$work_tmp/npm.log" >&2
      fail "npm could not install code-server $CODE_SERVER_VERSION; the lines above say why."
    }
)

[ "$(installed_version)" = "$CODE_SERVER_VERSION" ] ||
  fail "code-server was installed but does not report version $CODE_SERVER_VERSION."
log "code-server $CODE_SERVER_VERSION ready: $code_server_bin"
