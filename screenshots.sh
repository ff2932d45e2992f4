#!/usr/bin/env bash
# Refreshes the dashboard screenshots in docs/screenshots/: runs the browser tests (DashboardIT)
# against the services with the demo data, keeping a full-page PNG of each page.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B verify -pl system-tests -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=DashboardIT -Dmaap.screenshots="$(pwd)/docs/screenshots" "$@"
ls -1 docs/screenshots
