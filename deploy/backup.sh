#!/bin/sh
# trafficbot backup: a consistent, checked copy of the query log and an archive of the knowledge
# folder, both stamped with the time; copies older than KEEP_DAYS are removed.
# Safe while the bot runs (`trafficbot logs backup` copies one snapshot and runs integrity_check).
# Run daily by trafficbot-backup.timer, or by hand as the bot's user:
#   sudo -u trafficbot /opt/trafficbot/src/deploy/backup.sh
# Settings (environment; the defaults match trafficbot.service):
set -eu
TRAFFICBOT="${TRAFFICBOT:-/opt/trafficbot/.venv/bin/trafficbot}"
CONFIG="${CONFIG:-/etc/trafficbot/config.yaml}"
KNOWLEDGE="${KNOWLEDGE:-/var/lib/trafficbot/knowledge}"
DEST="${DEST:-/var/backups/trafficbot}"
KEEP_DAYS="${KEEP_DAYS:-30}"

stamp=$(date +%Y%m%d-%H%M%S)
"$TRAFFICBOT" logs backup --config "$CONFIG" "$DEST/querylog-$stamp.sqlite3"
tar -czf "$DEST/knowledge-$stamp.tar.gz" -C "$(dirname "$KNOWLEDGE")" "$(basename "$KNOWLEDGE")"
echo "knowledge archived to $DEST/knowledge-$stamp.tar.gz"
find "$DEST" -maxdepth 1 -type f \( -name 'querylog-*.sqlite3' -o -name 'knowledge-*.tar.gz' \) \
    -mtime +"$KEEP_DAYS" -print -delete
