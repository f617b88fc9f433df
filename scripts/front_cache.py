#!/usr/bin/env python3
"""
Run Debian's nginx with the shipped front cache (deploy/nginx/front-cache.conf,
included unchanged) in front of an app server, or serving a directory of files.
The tests and the benchmark use it; to try it by hand beside `make run`:

    .venv/bin/python scripts/front_cache.py --listen 8001 --upstream 127.0.0.1:8000

Everything nginx writes (cache, temporary files, log, pid) goes to a temporary
directory that is removed when it stops. `scripts/ensure-nginx` installs nginx.
"""

import argparse
import getpass
import grp
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRONT_CACHE_CONF = ROOT / "deploy" / "nginx" / "front-cache.conf"


def nginx_binary():
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def _config(workdir, listen, upstream, static_root):
    # As root nginx would hand its workers to "nobody", who may not read our
    # temporary directory; any other user keeps its own (nginx ignores `user`).
    user = f"user {getpass.getuser()} {grp.getgrgid(os.getgid()).gr_name};" if os.geteuid() == 0 else ""
    if upstream:
        site = f"include {FRONT_CACHE_CONF};"
        backend = f"""
    upstream kinozavod {{ server {upstream}; keepalive 16; }}
    proxy_cache_path {workdir}/cache levels=1:2 keys_zone=kinozavod_pages:10m inactive=10s max_size=256m
                     use_temp_path=off;"""
    else:
        site = f"root {static_root};"
        backend = ""
    return f"""{user}
worker_processes auto;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    default_type application/octet-stream;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    {backend}
    server {{
        listen 127.0.0.1:{listen};
        {site}
    }}
}}
"""


class Nginx:
    """nginx on 127.0.0.1:`listen`, in front of `upstream` (host:port) or serving `static_root`."""

    def __init__(self, listen, upstream=None, static_root=None):
        self.listen, self.upstream, self.static_root = listen, upstream, static_root
        self.workdir = None
        self.process = None

    def __enter__(self):
        binary = nginx_binary()
        if binary is None:
            raise RuntimeError("nginx is not installed: run scripts/ensure-nginx")
        self.workdir = Path(tempfile.mkdtemp(prefix="kinozavod-nginx-"))
        self.workdir.chmod(0o755)
        conf = self.workdir / "nginx.conf"
        conf.write_text(_config(self.workdir, self.listen, self.upstream, self.static_root))
        self.process = subprocess.Popen(
            [binary, "-p", str(self.workdir), "-c", str(conf), "-g", "daemon off;"],
            stderr=subprocess.PIPE,
            text=True,
        )
        self._wait_until_listening()
        return self

    def _wait_until_listening(self, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx did not start: {self.process.stderr.read().strip()}")
            try:
                socket.create_connection(("127.0.0.1", self.listen), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        self.__exit__()
        raise RuntimeError(f"nginx did not listen on port {self.listen}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen", type=int, required=True)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--upstream", help="the app server, host:port")
    target.add_argument("--static-root", help="serve this directory instead")
    args = parser.parse_args()
    with Nginx(args.listen, args.upstream, args.static_root):
        print(f"nginx on http://127.0.0.1:{args.listen}/ (Ctrl-C stops it)")
        try:
            signal.pause()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
