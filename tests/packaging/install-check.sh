#!/usr/bin/env bash
# Step 2 of fresh-install-check.sh, inside a brand-new Debian 12 root that has
# never seen a development package: installs the .deb files of PACKAGE_DIR with
# apt-get and checks that they work as a user and an admin would use them.
#   tests/packaging/install-check.sh PACKAGE_DIR
set -euo pipefail
pkgs=$(cd "${1:?usage: install-check.sh PACKAGE_DIR}" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    command -v nginx >/dev/null && nginx -s stop 2>/dev/null || true
    rm -rf "$work"
    [ -z "${added_policy:-}" ] || rm -f /usr/sbin/policy-rc.d
}
trap cleanup EXIT
step() { echo; echo "== $*"; }
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; exit 1; }
install_tools() { apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# METHOD URL [JSON_BODY]: prints "STATUS BODY".
http() {
    python3 - "$@" <<'PY'
import sys, urllib.request, urllib.error
method, url = sys.argv[1], sys.argv[2]
body = sys.argv[3].encode() if len(sys.argv) > 3 else None
req = urllib.request.Request(url, data=body, method=method)
if body:
    req.add_header("Content-Type", "application/json")
try:
    with urllib.request.urlopen(req, timeout=10) as r:
        print(r.status, r.read().decode())
except urllib.error.HTTPError as e:
    print(e.code, e.read().decode())
PY
}
wait_for_file() { for _ in $(seq 100); do [ -s "$1" ] && return 0; sleep 0.1; done; return 1; }

# Services must not start in this root: it shares the host's network.
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    added_policy=1
fi

step "apt-get install ./*.deb"
apt-get update -qq
(cd "$pkgs" && apt-get install -y -q ./tokentally_*.deb ./tokentally-server_*.deb) | tail -n 3
dpkg-query -W tokentally tokentally-server
if [ "${ALLOW_DEV_PACKAGES:-0}" = 1 ]; then
    echo "(a build machine: -dev packages are expected here; fresh-install-check.sh proves none is needed)"
else
    dev=$(dpkg-query -W -f='${Package}\n' | grep -E -- '-dev$' || true)
    [ -z "$dev" ] || fail "development packages installed: $dev"
    ok "no -dev package among the $(dpkg-query -W | wc -l) installed packages"
fi
for bin in /usr/bin/tokentally /usr/bin/tokentally-server /usr/lib/*/tokentally/tokentally-app.so; do
    missing=$(ldd "$bin" | grep 'not found' || true)
    [ -z "$missing" ] || fail "$bin: $missing"
done
ok "every library of both binaries and the app module resolves"

step "tokentally --version, --help"
version=$(tokentally --version)
echo "$version"
[[ "$version" == "tokentally "[0-9]* ]] || fail "tokentally --version: $version"
tokentally --help | grep -q 'report' || fail "tokentally --help lists no report command"
ok "tokentally answers without a display"

step "tokentally report daily on a generated home"
install_tools python3
python3 "$src/tests/fixtures/generate_home.py" --out "$work/g" --target-bytes 300000 --days 7 >/dev/null
HOME=$work/g/home tokentally report daily --timezone UTC --db "$work/usage.db"
HOME=$work/g/home tokentally report daily --timezone UTC --breakdown --json --db "$work/usage.db" >"$work/report.json"
python3 "$src/tests/packaging/compare-report.py" "$work/g/expected.json" "$work/report.json"
ok "the installed tokentally reports what the generator wrote"

step "the tray app starts under Xvfb with the packaged Qt plugins"
install_tools xvfb
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
pids+=($!)
wait_for_file "$work/display" || fail "Xvfb did not start"
mkdir -p "$work/gui/config" "$work/gui/runtime" && chmod 700 "$work/gui/runtime"
DISPLAY=:$(head -n1 "$work/display") HOME=$work/g/home XDG_CONFIG_HOME=$work/gui/config \
    XDG_RUNTIME_DIR=$work/gui/runtime TOKENTALLY_INSTANCE_ID=install-check QT_DEBUG_PLUGINS=1 \
    tokentally --windowed --db "$work/gui/usage.db" >"$work/gui.log" 2>&1 &
gui=$!
pids+=("$gui")
status=
for _ in $(seq 100); do
    status=$(python3 - <<'PY' 2>/dev/null || true
import socket, tempfile, os
s = socket.socket(socket.AF_UNIX)
s.settimeout(2)
s.connect(os.path.join(tempfile.gettempdir(), "install-check"))
s.sendall(b"status\n")
print(s.makefile().readline().strip())
PY
)
    grep -q '"generation":[1-9]' <<<"$status" && break
    sleep 0.2
done
echo "status: ${status:0:200}"
grep -q '"generation":[1-9]' <<<"$status" || { cat "$work/gui.log"; fail "the tray app did not come up"; }
for plugin in platforms/libqxcb.so iconengines/libqsvgicon.so; do
    grep -q "$plugin\" loaded library" "$work/gui.log" || { grep 'loaded library' "$work/gui.log"; fail "Qt did not load $plugin"; }
done
kill "$gui" 2>/dev/null || true
ok "tray app ran (xcb platform, SVG icons)"

step "man pages, desktop entry, AppStream metadata"
install_tools man-db desktop-file-utils appstream
for page in tokentally tokentally-server; do
    path=$(man -w "$page")
    warnings=$(MANWIDTH=80 man --warnings=w -l "$path" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man $page: $warnings"
    MANWIDTH=80 man -l "$path" | head -n 4
done
ok "man tokentally, man tokentally-server: no warnings"
desktop-file-validate /usr/share/applications/io.github.tokentally.TokenTally.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net --strict /usr/share/metainfo/io.github.tokentally.TokenTally.metainfo.xml
[ -f /usr/share/icons/hicolor/scalable/apps/io.github.tokentally.TokenTally.svg ] || fail "icon"
ok "desktop entry and metainfo validate; the icon is installed"

step "tokentally-server --version, --help"
server_version=$(tokentally-server --version)
echo "$server_version"
[[ "$server_version" == "tokentally-server "[0-9]* ]] || fail "tokentally-server --version: $server_version"
tokentally-server --help | tee "$work/server-help.txt" | head -n 3
grep -q -- '--public-url' "$work/server-help.txt" || fail "tokentally-server --help"
ok "tokentally-server answers"

step "the unit's ExecStart, run as an unprivileged user"
unit=/usr/lib/systemd/system/tokentally-server.service
# What StateDirectory= makes: /var/lib stands in as %S, its subfolder belongs to the service.
state=$work/state
mkdir -p "$state/tokentally-server"
chmod 755 "$work" "$state"
chown -R nobody:nogroup "$state/tokentally-server"
chmod 700 "$state/tokentally-server"
start_server() { # EXTRA_OPTIONS: the unit's command line with %S and the options variable filled in
    local cmd
    cmd=$(sed -n 's/^ExecStart=//p' "$unit")
    cmd=${cmd//%S/$state}
    cmd=${cmd//\$TOKENTALLY_SERVER_OPTIONS/--listen 127.0.0.1:0 --port-file $state/tokentally-server/port $1}
    echo "$cmd"
    rm -f "$state/tokentally-server/port"
    # shellcheck disable=SC2086 # the unit's words, as systemd splits them
    setpriv --reuid=nobody --regid=nogroup --clear-groups $cmd >>"$work/server.log" 2>&1 &
    server=$!
    pids+=("$server")
    wait_for_file "$state/tokentally-server/port" || { cat "$work/server.log"; fail "server did not start"; }
    port=$(cat "$state/tokentally-server/port")
}
start_server ""
reply=$(http GET "http://127.0.0.1:$port/healthz")
[ "$reply" = "200 ok" ] || fail "/healthz: $reply"
ok "GET /healthz: $reply"
reply=$(http POST "http://127.0.0.1:$port/api/v1/register" '{"username":"packager"}')
[[ "$reply" == "201 "* ]] || fail "register: $reply"
ok "POST /api/v1/register: ${reply:0:3}"

step "back up while serving (installer/README.md)"
install_tools sqlite3
db=$state/tokentally-server/server.db
install -d -m 700 /var/backups/tokentally-server
backup=/var/backups/tokentally-server/$(date +%F).db
sqlite3 "$db" ".backup '$backup'"
[ "$(sqlite3 "$backup" 'PRAGMA integrity_check')" = ok ] || fail "backup integrity"
tokentally-server --db "$backup" users list | grep -q '^packager' || fail "the backup lacks the user"
ok "online backup: integrity ok, holds the registered user"

step "SIGTERM drains and exits 0"
kill -TERM "$server"
if wait "$server"; then ok "exit status 0"; else fail "server exited $?"; fi

step "restore keeps the service user's ownership"
tokentally-server --db "$db" users delete packager >/dev/null
sqlite3 "$db" ".restore '$backup'"
[ "$(stat -c %U "$db")" = nobody ] || fail "restore changed the owner to $(stat -c %U "$db")"
leftovers=$(find "$state/tokentally-server" -user root || true)
[ -z "$leftovers" ] || fail "root-owned files in the state directory: $leftovers"
start_server ""
tokentally-server --db "$db" users list | grep -q '^packager' || fail "restored user missing"
ok "restored: owner nobody, user back, server starts"
kill -TERM "$server"; wait "$server" || true

step "systemd: the unit verifies and is hardened"
install_tools systemd
systemd-analyze verify "$unit" && ok "systemd-analyze verify" || fail "systemd-analyze verify"
# Exposure runs 0-100 (shown as 0.0-10.0); fail above 1.5.
systemd-analyze security --offline=yes --threshold=15 "$unit" | tail -n 1 || fail "exposure above 1.5"
ok "exposure level at most 1.5"

step "behind nginx with TLS (examples/nginx-tokentally.conf)"
install_tools nginx openssl curl
rm -f /etc/nginx/sites-enabled/default
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=tally.example.org \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
http_port=$(free_port); https_port=$(free_port)
# The Host header carries the test's port: the public URL does too (on 443 it has none).
start_server "--public-url https://tally.example.org:$https_port"
sed -e "s|listen 80;|listen 127.0.0.1:$http_port;|; /listen \[::\]:80;/d" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https_port ssl http2;|; /listen \[::\]:443/d" \
    -e "s|/etc/letsencrypt/live/tally.example.org/fullchain.pem|$work/cert.pem|" \
    -e "s|/etc/letsencrypt/live/tally.example.org/privkey.pem|$work/key.pem|" \
    -e "s|127.0.0.1:8787|127.0.0.1:$port|" \
    /usr/share/doc/tokentally-server/examples/nginx-tokentally.conf >/etc/nginx/sites-enabled/tokentally
nginx -t 2>&1 | tail -n 1
nginx
via_proxy() { curl -sk --resolve "tally.example.org:$https_port:127.0.0.1" -o /dev/null -w '%{http_code}' "https://tally.example.org:$https_port$1"; }
[ "$(curl -sk --resolve "tally.example.org:$https_port:127.0.0.1" "https://tally.example.org:$https_port/healthz")" = ok ] \
    || fail "/healthz through nginx"
[ "$(via_proxy /)" = 200 ] || fail "GET / through nginx: $(via_proxy /)"
[ "$(via_proxy /u/packager)" = 404 ] || fail "private profile through nginx should be 404"
[ "$(curl -s -o /dev/null -w '%{http_code}' --resolve "tally.example.org:$http_port:127.0.0.1" "http://tally.example.org:$http_port/")" = 301 ] \
    || fail "http does not redirect to https"
direct=$(http GET "http://127.0.0.1:$port/healthz")
[[ "$direct" == "400 "* ]] || fail "a request with another Host should be refused: $direct"
ok "nginx: /healthz and / over TLS, http -> https, other Host refused ($direct)"
nginx -s stop

step "behind Caddy (examples/Caddyfile)"
install_tools caddy
caddy_http=$(free_port); caddy_https=$(free_port)
# Caddy passes the Host header on as the client sent it, here with the test's
# port: the server's public URL carries that port too (on 443 it has none).
kill -TERM "$server"; wait "$server" || true
start_server "--public-url https://tally.example.org:$caddy_https"
{
    printf '{\n\thttp_port %s\n\thttps_port %s\n\tlocal_certs\n\tskip_install_trust\n\tadmin off\n}\n' \
        "$caddy_http" "$caddy_https"
    sed -e "s|127.0.0.1:8787|127.0.0.1:$port|" /usr/share/doc/tokentally-server/examples/Caddyfile
} >"$work/Caddyfile"
HOME=$work XDG_DATA_HOME=$work/caddy caddy run --config "$work/Caddyfile" --adapter caddyfile >"$work/caddy.log" 2>&1 &
pids+=($!)
reply=
for _ in $(seq 50); do
    reply=$(curl -sk --resolve "tally.example.org:$caddy_https:127.0.0.1" "https://tally.example.org:$caddy_https/healthz" || true)
    [ "$reply" = ok ] && break
    sleep 0.2
done
[ "$reply" = ok ] || { tail -n 20 "$work/caddy.log"; fail "/healthz through Caddy: $reply"; }
ok "Caddy: /healthz over TLS"
kill -TERM "$server"; wait "$server" || true

step "apt-get purge leaves nothing of ours"
ours=$(dpkg -L tokentally tokentally-server | while read -r f; do [ -d "$f" ] || echo "$f"; done)
apt-get purge -y -qq tokentally tokentally-server >/dev/null
left=$(for f in $ours; do [ -e "$f" ] && echo "$f"; done; \
    ls -d /usr/lib/*/tokentally /usr/share/doc/tokentally-server 2>/dev/null || true)
[ -z "$left" ] || fail "left after purge: $left"
ok "purged: none of the $(echo "$ours" | wc -l) installed files is left"

echo
echo "install check passed: $(basename "$pkgs"/tokentally_*.deb) $(basename "$pkgs"/tokentally-server_*.deb)"
