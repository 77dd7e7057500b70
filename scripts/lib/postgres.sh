# Shell functions for a throwaway PostgreSQL server of Debian's, in a directory of its
# own, on loopback. Sourced by scripts/postgres-temp and scripts/cluster.
#
# PostgreSQL refuses to run as root, so as root every server command runs as the
# unprivileged user $PG_USER (default: postgres, which Debian's package creates).

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_USER=${PG_USER:-postgres}

pg_as_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

# pg_init DIR PORT: a new cluster in DIR/data with the superuser "rolebook", trusted on
# loopback only, durable as in production (fsync and synchronous_commit on).
pg_init() {
  local dir=$1 port=$2
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL's server is not installed (no initdb under /usr/lib/postgresql/*/bin): apt-get install postgresql" >&2
    return 1
  fi
  mkdir -p "$dir/run"
  if [ "$(id -u)" -eq 0 ]; then chown -R "$PG_USER" "$dir"; fi
  pg_as_user "$PG_BIN/initdb" -D "$dir/data" -U rolebook --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    return 1
  }
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/run'
fsync = on
synchronous_commit = on
max_connections = 100
CONF
}

# pg_start DIR: starts the server and waits until it accepts connections.
pg_start() {
  pg_as_user "$PG_BIN/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 start >/dev/null || {
    tail -n 20 "$1/server.log" >&2
    return 1
  }
}

# pg_kill DIR: SIGKILL the server and every process it started, as a crash would.
# pg_ctl makes the postmaster a process-group leader, so its group is all of them.
pg_kill() {
  local pid
  pid=$(head -n 1 "$1/data/postmaster.pid" 2>/dev/null) || return 0
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
}

# pg_stop DIR: a fast, clean shutdown.
pg_stop() {
  pg_as_user "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null 2>&1 || pg_kill "$1"
}

# pg_url PORT: the URL instances connect to.
pg_url() {
  echo "postgres://rolebook@127.0.0.1:$1/postgres"
}
