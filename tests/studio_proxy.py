"""A forwarding HTTP proxy in front of the test Label Studio, with hooks to make faults
certain instead of likely: hold a request until another arrives, or answer a request
only after the client has given up on it (the server still did the work)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx


class Proxy(ThreadingHTTPServer):
    """Forwards every request to ``target``; subclasses override :meth:`before_forward`
    (called before the request is sent on) and :meth:`after_forward` (after the server
    answered, before the answer goes back). Use as a context manager."""

    daemon_threads = True

    def __init__(self, target: str) -> None:
        super().__init__(("127.0.0.1", 0), _Forward)
        self.target = target.rstrip("/")
        self.http = httpx.Client(timeout=300)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def before_forward(self, method: str, path: str) -> None:
        pass

    def after_forward(self, method: str, path: str) -> None:
        pass

    def __enter__(self) -> Proxy:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.http.close()
        self.server_close()


class _Forward(BaseHTTPRequestHandler):
    server: Proxy

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        self.server.before_forward(self.command, self.path)
        skip = {"host", "content-length", "accept-encoding", "connection"}
        headers = {k: v for k, v in self.headers.items() if k.lower() not in skip}
        reply = self.server.http.request(
            self.command, self.server.target + self.path, headers=headers, content=body
        )
        self.server.after_forward(self.command, self.path)
        try:
            self.send_response(reply.status_code)
            for key, value in reply.headers.items():
                if key.lower() not in {"content-length", "content-encoding", "transfer-encoding"}:
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(reply.content)))
            self.end_headers()
            self.wfile.write(reply.content)
        except OSError:  # the client gave up on this request
            pass

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _forward

    def log_message(self, *args) -> None:  # keep the test output quiet
        pass
