#!/bin/bash
# Writes the client settings of the broker's super user to $1, from SERVICEPULS_KAFKA_ADMIN_PASSWORD.
set -euo pipefail
printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="%s";\n' \
  "$SERVICEPULS_KAFKA_ADMIN_PASSWORD" > "$1"
