"""The benchmarks' count of client connections per server process (bench/loadtest/wire.py).

`make bench` and `make bench-peer` print how the clients' connections were spread over
gunicorn's workers; this checks the count on a real child process holding sockets.
"""

import os
import socket
import subprocess
import sys
import time

import pytest

from bench.loadtest.wire import ProcessTree

HOLDER = """
import socket, sys, time
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
print(server.getsockname()[1], flush=True)
held = [server.accept()[0] for _ in range(int(sys.argv[1]))]
print("ready", flush=True)
time.sleep(30)
"""


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="Linux /proc needed")
def test_connections_counts_the_client_sockets_each_child_holds():
    child = subprocess.Popen([sys.executable, "-c", HOLDER, "3"], stdout=subprocess.PIPE, text=True)
    clients = []
    try:
        port = int(child.stdout.readline())
        clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(3)]
        assert child.stdout.readline().strip() == "ready"
        time.sleep(0.05)
        counts = ProcessTree(os.getpid()).connections(port)
        assert counts[child.pid] == 3
        # The test process holds the other ends, but they are not connections *to* the port.
        assert os.getpid() not in counts
    finally:
        for client in clients:
            client.close()
        child.kill()
        child.wait()
