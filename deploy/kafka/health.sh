#!/bin/bash
# The broker's health check (docker-compose.yml): it answers its super user on the clients' listener.
set -euo pipefail
bash /acls/admin-properties.sh /tmp/health.properties
/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 --command-config /tmp/health.properties > /dev/null 2>&1
