"""A minimal HTTP/1.1 client over asyncio sockets, and CPU time of server processes."""

import asyncio
import os
from pathlib import Path
from urllib.parse import quote

# --- CPU time of server processes (Linux /proc) ----------------------------------------


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class ProcessTree:
    """A process and its children (gunicorn's workers, PostgreSQL's backends).

    `also`: other roots counted with it (a second gunicorn node, bench/scale.sh).
    """

    def __init__(self, pid: int | None, also: tuple[int, ...] = ()):
        self.pid = pid
        self.roots = [root for root in (pid, *also) if root]

    def snapshot(self) -> dict[int, float]:
        pids = []
        for root in self.roots:
            try:
                children = Path(f"/proc/{root}/task/{root}/children").read_text().split()
            except FileNotFoundError:
                children = []
            pids += [root, *map(int, children)]
        times = {pid: _cpu_seconds(pid) for pid in pids}
        return {pid: seconds for pid, seconds in times.items() if seconds is not None}

    def connections(self, port: int | list[int]) -> dict[int, int]:
        """Established client connections to `port` (or any of several nodes' ports) held
        by each child (gunicorn worker).

        Read from /proc: the sockets among each worker's file descriptors, matched by
        inode with /proc/net/tcp's established connections on the server's port. With
        keep-alive a worker keeps its clients: this is how the load is split.
        """
        if not self.pid:
            return {}
        ports = set(port) if isinstance(port, list) else {port}
        established = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            try:
                lines = Path(table).read_text().splitlines()[1:]
            except FileNotFoundError:
                continue
            for line in lines:
                fields = line.split()
                if fields[3] == "01" and int(fields[1].rsplit(":", 1)[1], 16) in ports:
                    established.add(fields[9])
        counts = {}
        for pid in self.snapshot():
            if pid in self.roots:
                continue
            inodes = []
            try:
                for fd in Path(f"/proc/{pid}/fd").iterdir():
                    try:
                        target = os.readlink(fd)
                    except OSError:
                        continue
                    if target.startswith("socket:["):
                        inodes.append(target[8:-1])
            except (FileNotFoundError, PermissionError):
                continue
            counts[pid] = sum(inode in established for inode in inodes)
        return counts

    @staticmethod
    def used(before: dict[int, float], after: dict[int, float]) -> float:
        """CPU seconds used between two snapshots (processes started since count in full)."""
        return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


class Connection:
    """One client socket: sends a prepared request, reads the whole response."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, raw: bytes) -> tuple[int, list[bytes], bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length, chunked, close, cookies = None, False, False, []
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
            elif name == b"connection":
                close = b"close" in value.lower()
            elif name == b"set-cookie":
                cookies.append(value.strip())
        if chunked:
            body = bytearray()
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                body += await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
        elif length is not None:
            body = await self.reader.readexactly(length)
        else:
            body, close = await self.reader.read(), True
        if close:
            self.close()
        return status, cookies, bytes(body)

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def http_request(
    method: str, path: str, host: str, *, cookies: str = "", headers=(), body: bytes = b""
) -> bytes:
    lines = [f"{method} {quote(path, safe='/?=&%:@;,+~')} HTTP/1.1", f"Host: {host}"]
    if cookies:
        lines.append(f"Cookie: {cookies}")
    lines += [f"{name}: {value}" for name, value in headers]
    if method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body
