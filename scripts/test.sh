#!/usr/bin/env bash
# Installs what the tests need when it is missing (PostgreSQL), builds, runs every test project,
# and ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]}..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet tool restore >/dev/null
dotnet build Assessment.sln -c Release -nologo -v quiet

results="$(mktemp -d)"
set +e
dotnet test Assessment.sln -c Release --no-build --nologo --logger "trx" --results-directory "$results" -- RunConfiguration.DisableAppDomain=true
status=$?
set -e

passed=0
failed=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done
projects=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "${#trx_files[@]}" -lt "$projects" ]; then
  echo "Only ${#trx_files[@]} of $projects test projects reported results."
  status=1
fi
rm -rf "$results"
echo "$passed passed, $failed failed"
exit $status
