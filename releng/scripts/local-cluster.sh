#!/usr/bin/env bash
# A real one-node SLURM cluster (munge + slurmctld + slurmd) and an sshd on 127.0.0.1, for ReasonLab's compute
# target tests (no mock scheduler, no mock SSH server). Everything it writes (configs, keys, state, logs, pid files)
# stays under DIR. Needs root and: apt-get install -y slurm-wlm munge openssh-server
#   local-cluster.sh start DIR [SSH_PORT]   writes configs, starts the daemons, waits until the node is idle
#   local-cluster.sh stop DIR               cancels its jobs, stops what start started (by pid files), waits
#   local-cluster.sh ssh-stop DIR           stops only the sshd (a dropped connection, for tests)
#   local-cluster.sh ssh-start DIR          starts the sshd again with the same host key and port
# After start, DIR/env holds SLURM_CONF; DIR/ssh/userkey is the user key, DIR/ssh/hostkey.pub the host key.
set -euo pipefail
cmd=${1:?start|stop|ssh-stop|ssh-start}; dir=$(mkdir -p "${2:?DIR}" && cd "$2" && pwd)
host=$(hostname -s)

pids_of() { # the pids in these pid files (read before the daemons remove them)
  local p
  for p in "$@"; do cat "$dir/$p" 2>/dev/null || true; done
}

stop_and_wait() { # SIGTERM to the pids, then up to 20 s for them to exit
  local pid
  for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
  for pid in "$@"; do
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
}

start_sshd() {
  mkdir -p /run/sshd
  /usr/sbin/sshd -f "$dir/ssh/sshd_config"
  local port; port=$(cat "$dir/ssh/port")
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
}

case "$cmd" in
start)
  ssh_port=${3:-2222}
  mkdir -p "$dir"/{state,spool,log,munge/key,ssh}
  chmod 755 "$dir" # munged runs as the munge user and must reach its folder
  # munge: its own key (in a 700 folder), socket and pid under DIR; the socket's folder must be 755
  chown -R munge:munge "$dir/munge"; chmod 755 "$dir/munge"; chmod 700 "$dir/munge/key"
  [ -f "$dir/munge/key/munge.key" ] || { dd if=/dev/urandom bs=1 count=1024 of="$dir/munge/key/munge.key" 2>/dev/null
    chown munge:munge "$dir/munge/key/munge.key"; chmod 400 "$dir/munge/key/munge.key"; }
  su -s /bin/sh munge -c "/usr/sbin/munged --key-file=$dir/munge/key/munge.key --socket=$dir/munge/munge.socket --pid-file=$dir/munge/munged.pid --log-file=$dir/munge/munged.log --seed-file=$dir/munge/seed"
  cat > "$dir/slurm.conf" <<CONF
ClusterName=reasonlab-test
SlurmctldHost=$host
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
KillWait=10
NodeName=$host CPUs=$(nproc) RealMemory=8000 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP DefMemPerCPU=1000
CONF
  export SLURM_CONF="$dir/slurm.conf"
  echo "SLURM_CONF=$dir/slurm.conf" > "$dir/env"
  slurmctld; slurmd
  for _ in $(seq 1 60); do sinfo -h -o %T 2>/dev/null | grep -qx idle && break; sleep 0.5; done
  sinfo -h -o %T | grep -qx idle || { echo "local-cluster: the node did not become idle" >&2; exit 1; }
  # sshd on 127.0.0.1:PORT with its own host key and one authorized user key
  [ -f "$dir/ssh/hostkey" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/ssh/hostkey"
  [ -f "$dir/ssh/userkey" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/ssh/userkey"
  cp "$dir/ssh/userkey.pub" "$dir/ssh/authorized_keys"; chmod 600 "$dir/ssh/authorized_keys"
  echo "$ssh_port" > "$dir/ssh/port"
  cat > "$dir/ssh/sshd_config" <<CONF
Port $ssh_port
ListenAddress 127.0.0.1
HostKey $dir/ssh/hostkey
AuthorizedKeysFile $dir/ssh/authorized_keys
PasswordAuthentication no
PermitRootLogin prohibit-password
StrictModes no
PidFile $dir/ssh/sshd.pid
SetEnv SLURM_CONF=$dir/slurm.conf
CONF
  start_sshd
  ;;
stop)
  if [ -f "$dir/slurm.conf" ]; then
    export SLURM_CONF="$dir/slurm.conf"
    scancel --full --signal=KILL --user="$(id -un)" 2>/dev/null || true
    scancel --user="$(id -un)" 2>/dev/null || true
    sleep 1
  fi
  # shellcheck disable=SC2046
  stop_and_wait $(pids_of ssh/sshd.pid slurmd.pid slurmctld.pid munge/munged.pid)
  ;;
ssh-stop)
  # the open sessions (the listener's children) first, as a dropped network would end them, then the listener
  sshd=$(pids_of ssh/sshd.pid)
  if [ -n "$sshd" ]; then
    pkill -KILL -P "$sshd" 2>/dev/null || true
    stop_and_wait "$sshd"
  fi
  ;;
ssh-start)
  start_sshd
  ;;
esac
