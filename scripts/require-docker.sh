#!/usr/bin/env bash
# Succeeds when a Docker engine answers; otherwise prints the documented no-Docker message and exits 1.
# `make test-localstack` and `make local AWS=localstack` run it before Maven starts, so a machine without Docker
# gets one plain sentence instead of a build and a Testcontainers stack trace. The same sentence is the message of
# io.sagesync.testkit.DockerUnavailableException (the harness checks again, with Testcontainers' own detection).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
message="$root/testkit/src/main/resources/io/sagesync/testkit/docker-required.txt"

ping_socket() { # $1: unix socket path
  [ -S "$1" ] && command -v curl >/dev/null && [ "$(curl -s --max-time 5 --unix-socket "$1" http://localhost/_ping)" = OK ]
}

docker_answers() {
  if command -v docker >/dev/null 2>&1; then
    # honours DOCKER_HOST and docker contexts; `docker` alone is only a client, the engine must answer
    timeout 20 docker info >/dev/null 2>&1 && return 0
  fi
  case "${DOCKER_HOST:-}" in
    unix://*) ping_socket "${DOCKER_HOST#unix://}"; return ;;
    tcp://*) command -v curl >/dev/null && [ "$(curl -s --max-time 5 "http://${DOCKER_HOST#tcp://}/_ping")" = OK ]
             return ;;
    "") ;;
    *) return 1 ;;
  esac
  for sock in /var/run/docker.sock "${XDG_RUNTIME_DIR:-/nonexistent}/docker.sock" "$HOME/.docker/run/docker.sock" \
              "$HOME/.colima/default/docker.sock" "$HOME/.rd/docker.sock"; do
    ping_socket "$sock" && return 0
  done
  return 1
}

if docker_answers; then
  exit 0
fi
cat "$message" >&2
exit 1
