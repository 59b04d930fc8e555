"""Regenerates platen_client/core from Platen's OpenAPI document with openapi-python-client.

    python clients/python/generate.py                      # the document of this checkout (no server needed)
    python clients/python/generate.py --url http://127.0.0.1:8000
    python clients/python/generate.py --output /tmp/core   # somewhere else (the tests compare the two)

It prints what the generator said and exits non-zero when it warned: a warning means part of the API is missing
from the client, which is a fault of the document to fix there."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORE = HERE / "platen_client" / "core"
CONFIG = HERE / "openapi-python-client.yaml"


def document_of_checkout() -> dict:
    """The document this checkout serves, built in-process (no Redis is reached to serve it)."""
    sys.path.insert(0, str(ROOT))
    from app import create_app
    from connector.runtime.settings import Settings

    with tempfile.TemporaryDirectory() as data:
        settings = Settings.from_env({}, redis_url="redis://127.0.0.1:9/0", data_dir=data, rate_limit_enabled=False)
        answer = create_app({"SETTINGS": settings, "TESTING": True}).test_client().get("/api/v1/openapi.json")
    assert answer.status_code == 200, answer.status_code
    return answer.get_json()


def document_at(url: str) -> dict:
    with urllib.request.urlopen(f"{url.rstrip('/')}/api/v1/openapi.json", timeout=30) as answer:
        return json.load(answer)


def generate(document: dict, output: Path) -> str:
    """Writes the generated package to ``output`` (replacing it); returns the generator's output."""
    bin_dir = Path(sys.executable).parent   # the venv's pinned openapi-python-client and ruff
    generator = shutil.which("openapi-python-client", path=str(bin_dir)) or "openapi-python-client"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "openapi.json"
        path.write_text(json.dumps(document))
        done = subprocess.run([generator, "generate", "--path", str(path), "--config", str(CONFIG), "--meta", "none",
                               "--output-path", str(Path(work) / "core"), "--overwrite"],
                              env=env, capture_output=True, text=True, timeout=300)
        said = (done.stdout + done.stderr).strip()
        if done.returncode != 0:
            raise SystemExit(f"openapi-python-client failed:\n{said}")
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(Path(work) / "core", output)
    return said


def warned(said: str) -> bool:
    return any(word in said for word in ("Warning", "WARNING", "Skipping", "Unable", "Error"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running Platen's base URL (default: this checkout's document)")
    parser.add_argument("--output", type=Path, default=CORE, help="where the package goes (default: %(default)s)")
    args = parser.parse_args()
    said = generate(document_at(args.url) if args.url else document_of_checkout(), args.output)
    print(said)
    if warned(said):
        raise SystemExit("openapi-python-client warned: fix the OpenAPI document.")


if __name__ == "__main__":
    main()
