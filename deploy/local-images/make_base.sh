#!/usr/bin/env bash
# Base images for a machine that reaches Debian's packages but no container registry:
#   localhost/debian:bookworm-local      debootstrap --variant=minbase bookworm (stand-in for debian:bookworm-slim)
#   localhost/python:3.10-slim-local     the same plus CPython 3.10 in /usr/local (stand-in for python:3.10-slim)
# The Python is the one the project's .venv was made from (its sys.base_prefix: pyenv's 3.10.13 here),
# copied without its tests, tkinter, idle and site-packages. Needs root, debootstrap and podman/docker.
#   bash deploy/local-images/make_base.sh [podman|docker]
set -euo pipefail
cd "$(dirname "$0")/../.."
ENGINE=${1:-podman}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
command -v debootstrap >/dev/null || { echo "make_base: apt-get install debootstrap" >&2; exit 1; }
PREFIX=${PYTHON_PREFIX:-$(.venv/bin/python -c 'import sys; print(sys.base_prefix)')}
"$PREFIX/bin/python3.10" -c 'import ssl, sqlite3, ctypes, lzma, bz2, zlib, venv, ensurepip' \
  || { echo "make_base: $PREFIX has no complete CPython 3.10" >&2; exit 1; }

work=$(mktemp -d /var/tmp/rlt-base.XXXXXX)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
echo "make_base: debootstrap bookworm (minbase) into $rootfs"
debootstrap --variant=minbase \
  --include=ca-certificates,netbase,tzdata,libssl3,libffi8,libsqlite3-0,libbz2-1.0,liblzma5,zlib1g,libreadline8,libncursesw6,libuuid1 \
  bookworm "$rootfs" "$MIRROR" > "$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
chroot "$rootfs" apt-get clean
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/usr/share/doc/* \
  "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/*
# apt inside builds fetches lists again: put back the sources, drop the downloaded lists
echo "deb $MIRROR bookworm main" > "$rootfs/etc/apt/sources.list"

import() {  # image
  tar -C "$rootfs" -c . | "$ENGINE" import \
    --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' --change "CMD [\"$2\"]" - "$1" >/dev/null
  echo "make_base: $1"
}
import localhost/debian:bookworm-local bash

tar -C "$PREFIX" --exclude='lib/python3.10/test' --exclude='lib/python3.10/site-packages/*' \
  --exclude='__pycache__' --exclude='lib/python3.10/idlelib' --exclude='lib/python3.10/tkinter' \
  --exclude='lib/python3.10/lib2to3/tests' -c bin lib include share | tar -C "$rootfs/usr/local" -x
rm -f "$rootfs"/usr/local/bin/{pip,pip3,pip3.10,idle,idle3,idle3.10,2to3,2to3-3.10,python3.10-gdb.py}
chroot "$rootfs" /sbin/ldconfig   # libpython3.10.so from /usr/local/lib
chroot "$rootfs" /usr/local/bin/python3 -c 'import ssl, sqlite3, venv; print("make_base: python", __import__("sys").version.split()[0])'
import localhost/python:3.10-slim-local python3
