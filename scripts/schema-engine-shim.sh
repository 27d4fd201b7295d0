#!/bin/sh
# Stands in for Prisma's schema engine, which the CLI would download: `prisma generate` only needs it to exist.
exit 1
