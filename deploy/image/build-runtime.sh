#!/usr/bin/env bash
# Builds the root file system Jib adds on top of `scratch`: a Java runtime made with jlink from
# the build JDK, plus the shared libraries (glibc, zlib, libstdc++ ...) that it and the native
# libraries inside our dependency jars (RocksDB, zstd, lz4, snappy) link against, copied from the
# build machine. No base image, no registry, no Docker daemon.
#
#   build-runtime.sh OUT_DIR LIB_DIR MODULES
#     OUT_DIR  directory to (re)create; becomes / in the image (Jib extraDirectories)
#     LIB_DIR  the application's runtime jars (target/lib), scanned for Linux x86-64 native libraries
#     MODULES  comma-separated JDK modules for jlink
set -euo pipefail
OUT="$1"; LIB_DIR="$2"; MODULES="$3"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
JLINK="$JAVA_HOME/bin/jlink"
[ -x "$JLINK" ] || { echo "build-runtime: jlink not found in $JAVA_HOME (a JDK, not a JRE, is needed)" >&2; exit 2; }
[ "$(uname -m)" = "x86_64" ] || { echo "build-runtime: only x86_64 build machines are supported" >&2; exit 2; }

rm -rf "$OUT"
mkdir -p "$OUT/opt" "$OUT/tmp" "$OUT/state" "$OUT/etc"
"$JLINK" --add-modules "$MODULES" --output "$OUT/opt/java" \
  --strip-debug --no-man-pages --no-header-files --compress=2

# jlink copies symbolic links of a distribution JDK as links to the host (Debian: cacerts ->
# /etc/ssl/certs/java/cacerts); an image needs the files themselves.
find "$OUT/opt/java" -type l | while read -r link; do
  target="$(readlink -f "$link" || true)"
  rm "$link"
  if [ -n "$target" ] && [ -f "$target" ]; then cp "$target" "$link"; fi
done

# Native libraries shipped inside jars (extracted at run time to java.io.tmpdir): find what they need.
NATIVE="$(mktemp -d)"
trap 'rm -rf "$NATIVE"' EXIT
for jar in "$LIB_DIR"/*.jar; do
  entries="$(unzip -Z1 "$jar" 2>/dev/null | grep -E '\.so$' | grep -Ei 'linux.*(x86_64|amd64|x86-64)|linux64|amd64' \
    | grep -viE 'musl|alpine|aarch|arm|ppc|s390|riscv' || true)"
  for entry in $entries; do
    unzip -q -o -j "$jar" "$entry" -d "$NATIVE/$(basename "$jar")" 2>/dev/null || true
  done
done

# Every shared library the runtime and those native libraries resolve, copied to the same path.
{
  find "$OUT/opt/java" -type f \( -name '*.so' -o -perm -u+x \)
  find "$NATIVE" -type f -name '*.so'
} | while read -r elf; do
  ldd "$elf" 2>/dev/null | awk '/=> \//{print $3} /^\t\/[^ ]+ \(/{print $1}' || true
done | sort -u | while read -r lib; do
  case "$lib" in "$OUT"/*|"$NATIVE"/*) continue;; esac
  mkdir -p "$OUT$(dirname "$lib")"
  cp -L "$lib" "$OUT$lib"
done

# Name resolution without /etc/nsswitch.conf falls back to files+dns; give it the file explicitly,
# and a passwd entry for the non-root user the image runs as.
printf 'hosts: files dns\n' > "$OUT/etc/nsswitch.conf"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnewsstream:x:65532:65532:newsstream:/state:/sbin/nologin\n' > "$OUT/etc/passwd"
printf 'root:x:0:\nnewsstream:x:65532:\n' > "$OUT/etc/group"
# The runtime's own libraries (libjli.so, libjvm.so) are found through the loader cache, as on the
# distribution the JDK came from (its java binary has no RUNPATH); build that cache for the image.
printf '/opt/java/lib\n/opt/java/lib/server\n/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu\n' > "$OUT/etc/ld.so.conf"
ldconfig -r "$OUT"
echo "build-runtime: $(du -sh "$OUT" | cut -f1) in $OUT (modules: $MODULES)"
