"""Debian's nginx (nginx-light), started by a test on loopback addresses with a configuration of its own."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

CONF = """
daemon off;
master_process off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
{servers}
}}
"""


def start(folder: Path, servers: str, ready_url: str) -> subprocess.Popen:
    """nginx with these `server { }` blocks, once `ready_url` answers (any HTTP status)."""
    executable = shutil.which("nginx") or "/usr/sbin/nginx"
    conf = folder / "nginx.conf"
    conf.write_text(CONF.format(folder=folder, servers=servers), encoding="utf-8")
    process = subprocess.Popen([executable, "-p", str(folder), "-c", str(conf)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(ready_url, timeout=2)
            return process
        except urllib.error.HTTPError:
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    log = folder / "error.log"
    raise RuntimeError(log.read_text(encoding="utf-8") if log.exists() else "nginx did not start")


def stop(process: subprocess.Popen) -> None:
    process.kill()
    process.wait(timeout=10)
