#!/usr/bin/env bash
# A throwaway sshd on 127.0.0.1 standing in for a balena device's host OS, for the cloudlink tests.
#
#   tools/loopback-sshd.sh install     install Debian's openssh-server when sshd is missing (root, apt-get)
#   tools/loopback-sshd.sh start DIR   start sshd with a host key, a client key and an authorized key made
#                                      in DIR; writes DIR/port, DIR/pid, DIR/client_key, DIR/known_hosts
#   tools/loopback-sshd.sh stop DIR    stop the sshd started in DIR
#
# Nothing outside DIR is configured: sshd runs with its own config file (-f), on a free loopback port,
# accepting only the key made in DIR. Installing the package does not start the system's sshd.
set -euo pipefail

find_sshd() {
    command -v sshd 2>/dev/null || { [ -x /usr/sbin/sshd ] && echo /usr/sbin/sshd; } || return 1
}

install_sshd() {
    if find_sshd >/dev/null; then
        echo "loopback-sshd: sshd is installed"
        return 0
    fi
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "loopback-sshd: sshd is missing; install openssh-server (needs root and apt-get)" >&2
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends openssh-server >/dev/null 2>&1 \
        || { apt-get update >/dev/null && apt-get install -y --no-install-recommends openssh-server >/dev/null; }
    # A package install may start the system service where an init system allows it; this test needs none.
    if command -v service >/dev/null 2>&1; then
        service ssh stop >/dev/null 2>&1 || true
    fi
    echo "loopback-sshd: installed $(find_sshd)"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_sshd() {
    local dir=$1 sshd port user
    sshd=$(find_sshd) || { echo "loopback-sshd: sshd is not installed (run: $0 install)" >&2; return 1; }
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    chmod 700 "$dir"
    user=$(id -un)
    rm -f "$dir"/host_ed25519* "$dir"/client_key*
    ssh-keygen -q -t ed25519 -N '' -C loopback-sshd-host -f "$dir/host_ed25519"
    ssh-keygen -q -t ed25519 -N '' -C loopback-sshd-client -f "$dir/client_key"
    cp "$dir/client_key.pub" "$dir/authorized_keys"
    chmod 600 "$dir/authorized_keys"
    port=$(free_port)
    cat > "$dir/sshd_config" <<CONFIG
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
AllowUsers $user
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
CONFIG
    # sshd insists on its privilege separation directory when it starts as root.
    if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
        mkdir -p /run/sshd
        chmod 755 /run/sshd
    fi
    "$sshd" -f "$dir/sshd_config" -E "$dir/sshd.log"
    local waited=0
    until [ -s "$dir/sshd.pid" ]; do
        if [ "$waited" -ge 100 ]; then
            echo "loopback-sshd: sshd did not start; its log:" >&2
            cat "$dir/sshd.log" >&2 || true
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    echo "[127.0.0.1]:$port $(cat "$dir/host_ed25519.pub")" > "$dir/known_hosts"
    cp "$dir/sshd.pid" "$dir/pid"
    echo "$port" > "$dir/port"
    echo "loopback-sshd: listening on 127.0.0.1:$port for user $user (pid $(cat "$dir/pid"))"
}

stop_sshd() {
    local dir=$1 pid
    [ -s "$dir/pid" ] || return 0
    pid=$(cat "$dir/pid")
    kill "$pid" 2>/dev/null || true
    rm -f "$dir/pid"
}

case "${1:-}" in
    install) install_sshd ;;
    start) [ $# -eq 2 ] || { echo "usage: $0 start DIR" >&2; exit 2; }; start_sshd "$2" ;;
    stop) [ $# -eq 2 ] || { echo "usage: $0 stop DIR" >&2; exit 2; }; stop_sshd "$2" ;;
    *) echo "usage: $0 install | start DIR | stop DIR" >&2; exit 2 ;;
esac
