#!/bin/sh
# A self-signed certificate for localhost on first start (kept in the certs volume); bring your own in production.
set -e
if [ ! -f /etc/nginx/certs/tls.crt ]; then
  mkdir -p /etc/nginx/certs
  openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout /etc/nginx/certs/tls.key -out /etc/nginx/certs/tls.crt
fi
exec nginx -g 'daemon off;'
