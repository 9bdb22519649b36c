#!/usr/bin/env bash
# Node 24 LTS for this checkout, when the machine's own Node is older than Bosun supports (22.11).
# It comes from the npm registry's node-linux-<arch> package (a Node binary inside a registry
# package), installed into .ci/.node/, which git ignores; nothing outside the checkout changes.
#
#   source scripts/node24.sh          # this shell: Node 24 first on PATH (when the system Node is too old)
#   bash scripts/node24.sh npm install # one command on Node 24; every child process inherits the PATH
#
# Keep NODE24_VERSION in step with .nvmrc / .node-version.

NODE24_VERSION="24.22.3"
NODE24_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE24_PREFIX="$NODE24_ROOT/.ci/.node"

# True when `node` on PATH is at least 22.11 (Bosun's engines range).
node24_system_node_is_supported() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major > 22 || (major === 22 && minor >= 11) ? 0 : 1)'
}

node24_package() {
  local platform arch
  # Only the Linux packages of Node 24 are in the registry (node-darwin-* stop before 24).
  case "$(uname -s)" in
    Linux) platform="linux" ;;
    *) echo "Install Node 24 LTS from nodejs.org (or nvm, reading .nvmrc): the registry has Node 24 packages for Linux only." >&2; return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch="x64" ;;
    aarch64 | arm64) arch="arm64" ;;
    *) echo "Install Node 24 LTS from nodejs.org: there is no Node package for $(uname -m) here." >&2; return 1 ;;
  esac
  echo "node-$platform-$arch"
}

node24_use() {
  if node24_system_node_is_supported; then return 0; fi
  local package bin
  package="$(node24_package)" || return 1
  bin="$NODE24_PREFIX/node_modules/$package/bin"
  if [ ! -x "$bin/node" ] || [ "$("$bin/node" -v)" != "v$NODE24_VERSION" ]; then
    echo "Installing Node $NODE24_VERSION ($package from the npm registry) into .ci/.node …" >&2
    # --prefix keeps it out of Bosun's own package.json and lockfile; engine-strict is Bosun's
    # rule for Bosun's dependencies, not for this one package.
    npm install --prefix "$NODE24_PREFIX" --no-save --no-package-lock --no-audit --no-fund \
      --engine-strict=false --loglevel=error "$package@$NODE24_VERSION" >&2 || return 1
  fi
  export PATH="$bin:$PATH"
  hash -r
  node24_system_node_is_supported || { echo "Node $NODE24_VERSION was installed but $(node -v) is first on PATH." >&2; return 1; }
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  node24_use
  echo "Using Node $(node -v) from $(command -v node)" >&2
  if [ "$#" -gt 0 ]; then exec "$@"; fi
else
  node24_use && echo "Using Node $(node -v) from $(command -v node)" >&2
fi
