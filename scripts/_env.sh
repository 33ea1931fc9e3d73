# Sourced by scripts/test and scripts/quickstart: a project virtualenv with goldsmith installed.
# Usage: goldsmith_env EXTRAS   (e.g. "studio,models,dev")
goldsmith_env() {
  local extras="$1"
  local venv="${GOLDSMITH_VENV:-.venv}"
  if [ -z "${VIRTUAL_ENV:-}" ]; then
    if [ ! -x "$venv/bin/python" ]; then
      echo "== creating virtualenv $venv"
      python3 -m venv "$venv"
    fi
    # shellcheck disable=SC1091
    . "$venv/bin/activate"
  fi
  echo "== installing goldsmith[$extras] (pip, quiet)"
  python -m pip install -q --upgrade pip >/dev/null
  python -m pip install -q -e ".[$extras]"
}
