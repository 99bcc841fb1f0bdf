#!/usr/bin/env bash
# Prepares a machine for StudyReader: the system libraries Qt needs, a CJK font,
# a virtual environment in .venv and the project installed into it (editable,
# with the test extras). Safe to run again: it only installs what is missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
mode="${1:-tests}"   # "tests": offscreen Qt is enough; "app": also the X11 libraries for a real window

# Debian/Ubuntu packages: Qt's runtime libraries, a font with Chinese glyphs, poppler for the tests.
packages=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-noto-cjk
          poppler-utils)  # pdftotext, pdfinfo, pdffonts: the PDF export tests read the PDF back
if [ "$mode" = "app" ]; then
  packages+=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
             libxcb-randr0 libxcb-render-util0 libxcb-xinerama0 libxcb-image0 libx11-xcb1)
fi
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing system packages: ${missing[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "setup: please install these packages as root: ${missing[*]}" >&2; exit 1
      fi
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
  echo "setup: StudyReader needs Python 3.10 or newer ($python is $("$python" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
  echo "setup: creating the virtual environment in $venv"
  "$python" -m venv "$venv"
fi

# Reinstall only when the project metadata changed since the last install.
stamp="$venv/.studyreader-installed"
want="$(cat "$root/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing StudyReader and its dependencies into $venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet -e "$root[test]"
  echo "$want" > "$stamp"
fi
