#!/bin/bash
# Applies acls.txt to the compose pilot's broker as its super user (docker-compose.yml, service kafka-acls): each
# line "<principal> <operations> <topic|group> <name> [prefixed]" becomes one kafka-acls.sh --add. Safe to run again.
set -euo pipefail
admin=/tmp/admin.properties
bash /acls/admin-properties.sh "$admin"
grep -v '^\s*\(#\|$\)' /acls/acls.txt | while read -r principal operations kind name pattern; do
  args=(--bootstrap-server kafka:9092 --command-config "$admin" --add --allow-principal "User:$principal")
  IFS=, read -ra ops <<< "$operations"
  for op in "${ops[@]}"; do args+=(--operation "$op"); done
  args+=("--$kind" "$name")
  if [ "${pattern:-}" = prefixed ]; then args+=(--resource-pattern-type prefixed); fi
  /opt/kafka/bin/kafka-acls.sh "${args[@]}" > /dev/null
  echo "allowed $principal $operations on $kind $name ${pattern:-}"
done
