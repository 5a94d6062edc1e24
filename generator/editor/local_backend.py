"""The local mode: Decap CMS's proxy protocol, writing into the working copy's ``content/``.

Decap looks for a proxy at ``local_backend`` when the editors' area is opened on
``localhost``; ``decap-server`` (Node) is the reference implementation of its file-system
mode. This one runs inside ``ratsarchiv serve --redaktion`` instead, so a clerk needs no
second program, and it is stricter: it listens on 127.0.0.1 only, answers only the origin
of the preview (another website open in the same browser cannot write files), and reads
and writes only below ``content/``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

API_PATH = "/api/v1"
MAX_REQUEST = 60 * 1024 * 1024
"""An attachment travels base64-encoded: 60 MB of request for the import's 50 MB a file."""


class Refused(Exception):
    """A request the proxy does not carry out; its message goes back to the CMS (German)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class Workspace:
    root: Path
    """The folder the CMS's paths are relative to (the repository root)."""
    content: Path
    """The only folder below ``root`` that may be read or written."""

    def resolve(self, path: str) -> Path:
        if not isinstance(path, str) or not path or "\x00" in path:
            raise Refused("ungültiger Pfad")
        target = (self.root / path).resolve()
        content = self.content.resolve()
        if target != content and content not in target.parents:
            raise Refused(f"{path}: liegt nicht in {self.content.name}/", status=403)
        return target

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root.resolve()).as_posix()

    def entry(self, path: str, label: str | None = None) -> dict[str, Any]:
        file: dict[str, Any] = {"path": path}
        if label is not None:
            file["label"] = label
        try:
            data = self.resolve(path).read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            return {"data": None, "file": {**file, "id": None}}
        return {"data": data.decode("utf-8"), "file": {**file, "id": _sha(data)}}

    def media(self, path: str) -> dict[str, Any]:
        target = self.resolve(path)
        data = target.read_bytes()
        return {
            "id": _sha(data),
            "content": base64.b64encode(data).decode("ascii"),
            "encoding": "base64",
            "path": path,
            "name": target.name,
        }

    def files_below(self, folder: str, extension: str, depth: int) -> list[str]:
        start = self.resolve(folder)
        found: list[str] = []

        def walk(here: Path, remaining: int) -> None:
            if remaining <= 0 or not here.is_dir():
                return
            for child in sorted(here.iterdir()):
                if child.name.startswith("."):
                    continue
                if child.is_dir():
                    walk(child, remaining - 1)
                elif child.name.endswith(extension):
                    found.append(self.relative(child))

        walk(start, depth)
        return found

    def write(self, path: str, data: bytes) -> None:
        target = self.resolve(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.redaktion")
        temporary.write_bytes(data)
        temporary.replace(target)  # the preview's watcher never reads half a file


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _decoded(asset: dict[str, Any]) -> bytes:
    if asset.get("encoding") != "base64":
        raise Refused("Anlagen kommen base64-kodiert")
    return base64.b64decode(asset["content"], validate=True)


def answer(workspace: Workspace, request: dict[str, Any]) -> Any:
    """One action of Decap's proxy protocol (the file-system mode of ``decap-server``)."""
    action = request.get("action")
    params = request.get("params") or {}
    if action == "info":
        return {
            "repo": workspace.root.resolve().name,
            "publish_modes": ["simple"],
            "type": "local_fs",
        }
    if action == "entriesByFolder":
        paths = workspace.files_below(params["folder"], params["extension"], int(params["depth"]))
        return [workspace.entry(path) for path in paths]
    if action == "entriesByFiles":
        return [workspace.entry(file["path"], file.get("label")) for file in params["files"]]
    if action == "getEntry":
        return workspace.entry(params["path"])
    if action == "persistEntry":
        data_files = params.get("dataFiles") or [params["entry"]]
        for asset in params.get("assets", []):
            workspace.resolve(asset["path"])
        for file in data_files:
            workspace.resolve(file["path"])
        for asset in params.get("assets", []):
            workspace.write(asset["path"], _decoded(asset))
        for file in data_files:
            workspace.write(file["path"], file["raw"].encode("utf-8"))
        return {"message": "entry persisted"}
    if action == "getMedia":
        paths = workspace.files_below(params["mediaFolder"], "", 1)
        return [workspace.media(path) for path in paths]
    if action == "getMediaFile":
        return workspace.media(params["path"])
    if action == "persistMedia":
        asset = params["asset"]
        workspace.write(asset["path"], _decoded(asset))
        return workspace.media(asset["path"])
    if action in ("deleteFile", "deleteFiles"):
        raise Refused(
            "Löschen geht nur über die Versionsverwaltung (git), nicht im Redaktionsbereich"
        )
    if action == "getDeployPreview":
        return None
    raise Refused(f"unbekannte Aktion {action!r}: der lokale Modus kennt keinen Redaktionsablauf")


def handler(workspace: Workspace, origins: frozenset[str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _cors(self) -> bool:
            origin = self.headers.get("Origin")
            if origin not in origins:
                return False
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type")
            self.send_header("Vary", "Origin")
            return True

        def _reply(self, status: int, body: Any) -> None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self._cors()
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_OPTIONS(self) -> None:
            self.send_response(204 if self.headers.get("Origin") in origins else 403)
            self._cors()
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_POST(self) -> None:
            if self.path.rstrip("/") != API_PATH:
                return self._reply(404, {"error": "nicht gefunden"})
            if self.headers.get("Origin") not in origins:
                return self._reply(403, {"error": "nur die Vorschau darf Dateien schreiben"})
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_REQUEST:
                return self._reply(413, {"error": "die Datei ist größer als 50 MB"})
            try:
                request = json.loads(self.rfile.read(length))
                return self._reply(200, answer(workspace, request))
            except Refused as refused:
                return self._reply(refused.status, {"error": str(refused)})
            except (KeyError, TypeError, ValueError) as exc:
                return self._reply(400, {"error": f"unvollständige Anfrage ({exc})"})
            except OSError as exc:
                return self._reply(500, {"error": f"Datei nicht lesbar oder schreibbar: {exc}"})

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def running(
    workspace: Workspace, origins: frozenset[str], host: str = "127.0.0.1", port: int = 8081
) -> Iterator[str]:
    """Serves the proxy in a thread; yields its URL (``port`` 0: any free port)."""
    server = ThreadingHTTPServer((host, port), handler(workspace, origins))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}{API_PATH}"
    finally:
        server.shutdown()
        server.server_close()


def preview_origins(dev_addr: str) -> frozenset[str]:
    """The origins a browser sends for the preview at ``dev_addr`` (``localhost`` too)."""
    host, _, port = dev_addr.rpartition(":")
    names = {host, "localhost", "127.0.0.1"} if host in ("127.0.0.1", "localhost") else {host}
    return frozenset(f"http://{name}:{port}" for name in names)
