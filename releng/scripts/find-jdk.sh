# Sourced by ./reasonlab and .ci/run: points JAVA_HOME at a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, else the newest 21+ JDK beside the default java
# (e.g. /usr/lib/jvm/*), else the default java if it is 21+.

reasonlab_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

reasonlab_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(reasonlab_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then return 0; fi
  fi
  local default_java jvm_dir
  default_java=$(command -v java 2>/dev/null || true)
  if [ -n "$default_java" ]; then
    jvm_dir=$(dirname "$(dirname "$(dirname "$(readlink -f "$default_java")")")")
    for candidate in "$jvm_dir"/*; do
      [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
      major=$(reasonlab_java_major "$candidate")
      if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
        best=$candidate; best_major=$major
      fi
    done
    if [ -z "$best" ]; then
      candidate=$(dirname "$(dirname "$(readlink -f "$default_java")")")
      major=$(reasonlab_java_major "$candidate")
      if [ "${major:-0}" -ge 21 ]; then best=$candidate; fi
    fi
  fi
  if [ -z "$best" ]; then
    echo "ReasonLab needs a JDK 21 or newer: set JAVA_HOME to one (found none beside $(command -v java || echo 'no java'))." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
