#!/usr/bin/env bash
# Installs (from Debian's packages, when missing) and starts what the tests need besides the toolchain:
# a PostgreSQL server on 127.0.0.1 with a test database, headless Chromium with its WebDriver, xmllint, pdftotext and
# the sqlite3 shell.
# Prints the environment the tests read; `.ci/run` sources it. Run as root (or with sudo).
set -euo pipefail

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
# xmllint checks generated returns against DfE's schemas.
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
# pdftotext reads notices published as PDFs (the product needs it too; the README names it).
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# sqlite3 changes a stored audit entry behind the product's back, as someone with the database file could.
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
if [ ${#need[@]} -gt 0 ]; then
    echo "== installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q "${need[@]}" >&2
fi

# PostgreSQL: the newest installed cluster, started if it is down.
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
    pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -q && break
    sleep 1
done
pg_isready -h 127.0.0.1 >&2
su postgres -c "psql -q -v ON_ERROR_STOP=1" >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'improve') THEN
    CREATE ROLE improve LOGIN PASSWORD 'improve' CREATEDB;
  END IF;
END $$;
SQL
# One database per test suite that uses one, so that suites running at once do not meet.
for db in improve_test improve_web_test improve_pipeline_test improve_picture_test improve_handcounted_test; do
    su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = '$db'\"" | grep -q 1 \
        || su postgres -c "createdb -O improve $db" >&2
done

# axe-core for the accessibility checks in the browser: the copy bundled in a pinned PyPI wheel, fetched here once
# (nothing is downloaded while the tests run) and kept outside the repository.
axe_dir=${AXE_DIR:-/tmp/improve-axe}
axe_wheel=axe_playwright_python-0.1.8-py3-none-any.whl
if [ ! -s "$axe_dir/axe.min.js" ]; then
    mkdir -p "$axe_dir"
    python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$axe_dir" axe-playwright-python==0.1.8 >&2
    python3 - "$axe_dir/$axe_wheel" "$axe_dir/axe.min.js" >&2 <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel, open(sys.argv[2], "wb") as out:
    out.write(wheel.read("axe_playwright_python/axe.min.js"))
PY
fi
head -c 20 "$axe_dir/axe.min.js" | grep -q "axe v4.12.1" || { echo "axe-core 4.12.1 was not found in $axe_dir" >&2; exit 1; }

echo "export TEST_DATABASE_URL=postgres://improve:improve@127.0.0.1:5432/improve_test"
echo "export TEST_WEB_DATABASE_URL=postgres://improve:improve@127.0.0.1:5432/improve_web_test"
echo "export TEST_PIPELINE_DATABASE_URL=postgres://improve:improve@127.0.0.1:5432/improve_pipeline_test"
echo "export TEST_PICTURE_DATABASE_URL=postgres://improve:improve@127.0.0.1:5432/improve_picture_test"
echo "export TEST_HANDCOUNTED_DATABASE_URL=postgres://improve:improve@127.0.0.1:5432/improve_handcounted_test"
echo "export CHROMEDRIVER=$(command -v chromedriver)"
echo "export CHROMIUM=$(command -v chromium)"
echo "export AXE_JS=$axe_dir/axe.min.js"
