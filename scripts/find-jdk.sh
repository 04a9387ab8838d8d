#!/usr/bin/env bash
# Prints a JAVA_HOME whose JDK is >= 21 (sagesync compiles with --release 21).
# Order: $JAVA_HOME, the java on PATH, then every JDK under /usr/lib/jvm and /opt (newest first).
set -u
major_of() { # $1 = java binary
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}
try_home() {
  local home="$1"
  [ -x "$home/bin/javac" ] || return 1
  local m; m=$(major_of "$home/bin/java")
  [ -n "$m" ] && [ "$m" -ge 21 ] 2>/dev/null && { echo "$home"; exit 0; }
  return 1
}
[ -n "${JAVA_HOME:-}" ] && try_home "$JAVA_HOME"
if command -v javac >/dev/null 2>&1; then
  try_home "$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
for home in $(ls -d /usr/lib/jvm/* /opt/*jdk* /opt/java/* 2>/dev/null | sort -rV); do
  try_home "$home"
done
echo "find-jdk: no JDK >= 21 found (looked at \$JAVA_HOME, PATH, /usr/lib/jvm, /opt). Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21/25, or set JAVA_HOME." >&2
exit 1
