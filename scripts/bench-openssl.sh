#!/usr/bin/env bash
# The guide's set with the openssl command line: a CA, three backend and one agent certificate, each
# with a PKCS#8 key and a CSR, the same extensions the wizard writes. Usage: bench-openssl.sh rsa|ec DIR
set -euo pipefail
alg=$1
cd "$2"
if [[ $alg == rsa ]]; then keyopts=(-algorithm RSA -pkeyopt rsa_keygen_bits:2048); else keyopts=(-algorithm EC -pkeyopt ec_paramgen_curve:P-256); fi
openssl genpkey "${keyopts[@]}" -out ca-key.pem 2>/dev/null
openssl req -new -key ca-key.pem -subj "/CN=Sensu Test CA" -out ca.csr
openssl req -x509 -key ca-key.pem -in ca.csr -days 1825 -out ca.pem \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
issue() { # name profile-eku san
  openssl genpkey "${keyopts[@]}" -out "$1-key.pem" 2>/dev/null
  openssl req -new -key "$1-key.pem" -subj "/CN=$1" -out "$1.csr"
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=%s\n%s\n' "$2" "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 180 -extfile "$1.ext" -out "$1.pem" 2>/dev/null
}
for n in 1 2 3; do
  issue "backend-$n.example.com" "serverAuth,clientAuth" "subjectAltName=DNS:backend-$n.example.com,DNS:backend-$n,IP:10.0.0.$n,DNS:localhost,IP:127.0.0.1,IP:::1"
done
issue agent clientAuth ""
