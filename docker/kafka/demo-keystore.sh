#!/bin/sh
# Makes a self-signed key and certificate for the broker's EXTERNAL listener (the agencies' one), for
# a demo: docker/kafka/secrets/kafka-external.p12, and agency-truststore.p12 for agency systems to trust
# it. A real deployment puts a certificate for KAFKA_EXTERNAL_HOST, signed by a CA the agencies trust,
# in its own KAFKA_EXTERNAL_KEYSTORE_DIR. Usage: docker/kafka/demo-keystore.sh <host> <keystore password>
set -eu
host=${1:?usage: demo-keystore.sh <host> <keystore password>}
password=${2:?usage: demo-keystore.sh <host> <keystore password>}
dir=$(dirname "$0")/secrets
mkdir -p "$dir"
rm -f "$dir/kafka-external.p12" "$dir/agency-truststore.p12" "$dir/kafka-external.pem"
keytool -genkeypair -alias kafka -keyalg RSA -keysize 3072 -validity 365 -dname "CN=$host" -ext "SAN=dns:$host" \
    -storetype PKCS12 -keystore "$dir/kafka-external.p12" -storepass "$password" -keypass "$password"
keytool -exportcert -rfc -alias kafka -keystore "$dir/kafka-external.p12" -storepass "$password" -file "$dir/kafka-external.pem"
keytool -importcert -noprompt -alias kafka -file "$dir/kafka-external.pem" -storetype PKCS12 \
    -keystore "$dir/agency-truststore.p12" -storepass "$password"
echo "Wrote $dir/kafka-external.p12 (the broker's) and $dir/agency-truststore.p12 (for agency systems)"
