#!/usr/bin/env bash
# Builds the DEB and TGZ packages from a build tree with cpack (into a temp
# dir) and checks what is in them: the file lists, the install prefixes, the
# computed Depends, the systemd unit, the maintainer scripts, the man pages
# and the AppStream tree. CTest runs it (packaging_check_packages); it takes
# about 20 s.
#   tests/packaging/check-packages.sh BUILD_DIR VERSION
set -euo pipefail
build=$(cd "${1:?usage: check-packages.sh BUILD_DIR VERSION}" && pwd)
version=${2:?usage: check-packages.sh BUILD_DIR VERSION}
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

if ! cpack --config "$build/CPackConfig.cmake" -B "$work/out" -G "DEB;TGZ" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    echo "FAIL: cpack"
    exit 1
fi
app_deb=$work/out/tokentally_${version}-1_${arch}.deb
server_deb=$work/out/tokentally-server_${version}-1_${arch}.deb
platform=$(uname -s | tr 'A-Z' 'a-z')-$(uname -m)
app_tgz=$work/out/tokentally-${version}-${platform}.tar.gz
server_tgz=$work/out/tokentally-server-${version}-${platform}.tar.gz
for f in "$app_deb" "$server_deb" "$app_tgz" "$server_tgz"; do
    [ -f "$f" ] || { echo "FAIL: cpack did not write $(basename "$f")"; ls "$work/out"; exit 1; }
done

# Files (not directories) in a package, one path a line, sorted.
deb_files() { dpkg-deb -c "$1" | awk '$1 !~ /^d/ {print $6}' | sed 's|^\./|/|' | sort; }
tgz_files() { tar tvzf "$1" | awk '$1 !~ /^d/ {print $6}' | sort; }
expect_files() { # NAME ACTUAL-LIST EXPECTED-LIST
    if [ "$2" = "$3" ]; then
        ok "$1 holds the expected files"
    else
        fail "$1 files differ from the expected list (update the list if an install rule changed):"
        diff <(echo "$3") <(echo "$2") || true
    fi
}

id=io.github.tokentally.TokenTally
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
expect_files "tokentally .deb" "$(deb_files "$app_deb")" "$(sort <<EOF2
/usr/bin/tokentally
/usr/lib/$multiarch/tokentally/tokentally-app.so
/usr/share/applications/$id.desktop
/usr/share/icons/hicolor/scalable/apps/$id.svg
/usr/share/icons/hicolor/symbolic/apps/$id-symbolic.svg
/usr/share/man/man1/tokentally.1.gz
/usr/share/metainfo/$id.metainfo.xml
EOF2
)"
expect_files "tokentally-server .deb" "$(deb_files "$server_deb")" "$(sort <<EOF2
/usr/bin/tokentally-server
/usr/lib/systemd/system/tokentally-server.service
/usr/share/doc/tokentally-server/README.md
/usr/share/doc/tokentally-server/examples/Caddyfile
/usr/share/doc/tokentally-server/examples/nginx-tokentally.conf
/usr/share/man/man1/tokentally-server.1.gz
EOF2
)"
# The archives: the same files under /usr/local.
expect_files "tokentally archive" "$(tgz_files "$app_tgz")" \
    "$(deb_files "$app_deb" | sed 's|^/usr/|usr/local/|')"
expect_files "tokentally-server archive" "$(tgz_files "$server_tgz")" \
    "$(deb_files "$server_deb" | sed 's|^/usr/|usr/local/|')"

# Control fields.
field() { dpkg-deb -f "$1" "$2"; }
[ "$(field "$app_deb" Package)" = tokentally ] && ok "package name tokentally" || fail "app package name"
[ "$(field "$server_deb" Package)" = tokentally-server ] && ok "package name tokentally-server" || fail "server package name"
for deb in "$app_deb" "$server_deb"; do
    name=$(field "$deb" Package)
    depends=$(field "$deb" Depends)
    echo "$name Depends: $depends"
    [[ "$depends" == *"libc6 ("* && "$depends" == *"libqt6core6 ("* ]] \
        && ok "$name: Depends computed by dpkg-shlibdeps" || fail "$name: Depends lacks libc6/libqt6core6"
    if grep -Eq -- '-dev([ ,]|$)' <<<"$depends"; then fail "$name depends on a -dev package"; fi
    [ "$(field "$deb" Version)" = "${version}-1" ] && ok "$name version ${version}-1" || fail "$name version"
    [ -n "$(field "$deb" Description)" ] || fail "$name has no description"
done
app_depends=$(field "$app_deb" Depends)
for lib in libqt6widgets6 libqt6charts6 libqt6svg6 libsqlite3-0; do
    [[ "$app_depends" == *"$lib"* ]] && ok "tokentally depends on $lib" || fail "tokentally does not depend on $lib"
done
server_depends=$(field "$server_deb" Depends)
for lib in libssl3 libsqlite3-0; do
    [[ "$server_depends" == *"$lib"* ]] && ok "tokentally-server depends on $lib" || fail "tokentally-server does not depend on $lib"
done
for lib in libqt6gui6 libqt6widgets6; do
    [[ "$server_depends" != *"$lib"* ]] && ok "tokentally-server does not pull in $lib" || fail "tokentally-server depends on $lib"
done

# Contents.
mkdir -p "$work/app" "$work/server" "$work/server-tgz"
dpkg-deb -x "$app_deb" "$work/app"
dpkg-deb -x "$server_deb" "$work/server"
tar -C "$work/server-tgz" -xzf "$server_tgz"
for bin in "$work/app/usr/bin/tokentally" "$work/server/usr/bin/tokentally-server"; do
    file -b "$bin" | grep -q ', stripped' && ok "$(basename "$bin") is stripped" || fail "$(basename "$bin") is not stripped"
done
unit=$work/server/usr/lib/systemd/system/tokentally-server.service
grep -qx 'ExecStart=/usr/bin/tokentally-server --listen 127.0.0.1:8787 --db %S/tokentally-server/server.db $TOKENTALLY_SERVER_OPTIONS' "$unit" \
    && ok "unit runs /usr/bin/tokentally-server" || fail "unit ExecStart: $(grep ExecStart= "$unit")"
grep -q '^ExecStart=/usr/local/bin/tokentally-server ' "$work/server-tgz/usr/local/lib/systemd/system/tokentally-server.service" \
    && ok "archive's unit runs /usr/local/bin/tokentally-server" || fail "archive's unit ExecStart"
if grep -nE '@[A-Z_]+@' "$unit"; then fail "unsubstituted @VARIABLE@ in the unit"; fi
for key in DynamicUser=yes StateDirectory=tokentally-server ProtectSystem=strict NoNewPrivileges=yes \
           SystemCallFilter=@system-service; do
    grep -qx "$key" "$unit" && ok "unit: $key" || fail "unit lacks $key"
done
grep -q "file:/usr/share/doc/tokentally-server/README.md" "$unit" && ok "unit documents the installed guide" || fail "unit Documentation="

# Maintainer scripts: present, executable, valid sh, and none enables the unit.
dpkg-deb -e "$server_deb" "$work/control"
for script in postinst prerm postrm; do
    [ -x "$work/control/$script" ] && sh -n "$work/control/$script" \
        && ok "$script is an executable sh script" || fail "$script missing or invalid"
done
if grep -v '^\s*#' "$work/control"/post* "$work/control/prerm" \
        | grep -E 'systemctl +(enable|start)|deb-systemd-helper +enable'; then
    fail "a maintainer script enables or starts the server"
fi
dpkg-deb -e "$app_deb" "$work/app-control"
[ "$(ls "$work/app-control" | grep -v -x -e control -e md5sums)" = "" ] \
    && ok "tokentally has no maintainer scripts" || fail "tokentally has maintainer scripts"

# Man pages: compressed, render without warnings.
for page in "$work/app/usr/share/man/man1/tokentally.1.gz" "$work/server/usr/share/man/man1/tokentally-server.1.gz"; do
    warnings=$(zcat "$page" | groff -man -Tutf8 -ww -z 2>&1) && [ -z "$warnings" ] \
        && ok "$(basename "$page") renders without warnings" || fail "$(basename "$page"): $warnings"
done

# AppStream: the installed tree (metainfo + desktop entry) validates; the icon exists.
appstreamcli validate-tree --no-net --strict "$work/app" >"$work/as.log" 2>&1 \
    && ok "appstreamcli validate-tree" || { cat "$work/as.log"; fail "appstreamcli validate-tree"; }
icon=$(sed -n 's/^Icon=//p' "$work/app/usr/share/applications/$id.desktop")
[ -f "$work/app/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] \
    && ok "icon $icon is installed" || fail "icon $icon is not in hicolor/scalable/apps"

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all package checks passed"
