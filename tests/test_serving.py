"""``make run`` as it serves: on this machine only, and asking no outside host anything.

The server runs with the project's ``.streamlit/config.toml`` and only the port given, as
``make run`` starts it. Streamlit's lookup of the machine's public address is replaced by a
recorder, so the test sees whether it would have been asked without reaching the network.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from tests.test_browser import REPO, free_port, wait_healthy

RECORDING_STREAMLIT = """
import ipaddress
import socket
import sys
from pathlib import Path

import streamlit.net_util

asked = Path(sys.argv.pop(1))


def record(what):
    with asked.open("a") as log:
        log.write(what + "\\n")


def recorded_external_ip():
    record("external IP looked up")


def local(address):
    host = address[0] if isinstance(address, tuple) else address
    if not isinstance(host, str) or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


# A socket guard: any connection the server tries to a host other than this machine is
# recorded, and refused so that nothing leaves it.
_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex


def guarded_connect(sock, address):
    if sock.family in (socket.AF_INET, socket.AF_INET6) and not local(address):
        record(f"connection to {address}")
        raise OSError("refused by the test's socket guard")
    return _connect(sock, address)


def guarded_connect_ex(sock, address):
    if sock.family in (socket.AF_INET, socket.AF_INET6) and not local(address):
        record(f"connection to {address}")
        return 111
    return _connect_ex(sock, address)


socket.socket.connect = guarded_connect
socket.socket.connect_ex = guarded_connect_ex
streamlit.net_util.get_external_ip = recorded_external_ip
from streamlit.web.cli import main

main(prog_name="streamlit")
"""


def outward_address() -> str | None:
    """This machine's address on its network, if it has one (a UDP connect sends nothing)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address = str(probe.getsockname()[0])
    return None if address.startswith("127.") else address


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=3) as reply:
            return bool(reply.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def test_the_dashboard_serves_this_machine_only_and_looks_nothing_up(tmp_path: Path) -> None:
    port = free_port()
    asked = tmp_path / "asked.log"
    output = tmp_path / "streamlit.log"
    command = [
        sys.executable, "-c", RECORDING_STREAMLIT, str(asked),
        "run", "dashboard/app/streamlit_app.py", "--server.port", str(port),
    ]  # fmt: skip
    with output.open("wb") as out:
        process = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=out)
        try:
            wait_healthy(f"http://127.0.0.1:{port}", process)
            address = outward_address()
            from_network = answers(f"http://{address}:{port}") if address else False
            urllib.request.urlopen(f"http://localhost:{port}/", timeout=5).close()
        finally:
            process.terminate()
            process.wait(timeout=15)
    printed = output.read_text(encoding="utf-8", errors="replace")
    assert f"URL: http://localhost:{port}" in printed
    assert "Network URL" not in printed and "External URL" not in printed
    assert not from_network
    # Neither Streamlit's address lookup nor any other outbound connection was tried.
    assert not asked.exists(), asked.read_text(encoding="utf-8")
