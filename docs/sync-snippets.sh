#!/usr/bin/env bash
# Rewrites every Java block of README.md and docs/modules/ROOT/pages/*.adoc that differs from the tagged source
# region it copies (// tag::name[] ... // end::name[]; DocSnippetsTest checks them). Run it after the build has
# formatted the sources, since the formatter may rewrap a region. Needs only a JDK 17+ (the source launcher runs
# DocSnippets.java without a build); exits with 1 if a block has no marker or names a region that does not exist.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" \
  "$root/deployment/src/test/java/io/quarkiverse/reactors/test/docs/DocSnippets.java" "$root"
