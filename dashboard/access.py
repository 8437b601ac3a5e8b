"""Who may change the store from the app: add, edit or delete.

The decision is a pure function of how the app is served and what the reader has shown, so
every page that writes asks it the same way (``dashboard/app/access.py`` gathers the
answers from Streamlit) and the tests can ask it directly.
"""

from __future__ import annotations

import hmac
import ipaddress
from dataclasses import dataclass
from typing import Literal

#: How a reader can get the right to write: Streamlit's ``st.login`` with the identity
#: provider of ``[auth]`` in ``.streamlit/secrets.toml``, or the edit token.
SignIn = Literal["login", "token"]

_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


@dataclass(frozen=True)
class WriteAccess:
    """Whether a reader may write, and why, in words the page can show."""

    allowed: bool
    reason: str
    #: The sign-in that can give (or gave) the right to write; ``None`` where none is set up.
    sign_in: SignIn | None = None


def served_locally(address: str | None) -> bool:
    """Whether a server bound to ``address`` (Streamlit's ``server.address``) can be reached
    from this machine only: a loopback name or address. Unset or empty means every
    interface."""
    host = (address or "").strip().strip("[]").lower()
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def write_access(
    *,
    served_address: str | None,
    identity_provider: bool,
    logged_in: bool,
    edit_token: str | None,
    typed_token: str | None,
) -> WriteAccess:
    """Whether the reader may add, edit or delete stored events.

    A sign-in that is set up is always asked for: with an identity provider, the reader must
    be logged in (``st.login``); else, with an edit token in the environment, the reader
    must have typed that token. Asked wherever the app is served, it also guards an app on
    this machine that a proxy makes reachable from others, which the app cannot tell from a
    local reader. With no sign-in set up, only an app served on this machine alone may
    write; served further, it is read-only.

    Parameters
    ----------
    served_address
        The address the server listens on (Streamlit's ``server.address``).
    identity_provider
        Whether an ``[auth]`` section is in Streamlit's secrets.
    logged_in
        Whether the reader is logged in with that provider.
    edit_token
        The token that allows writing (``STRIKEMAP_EDIT_TOKEN``); unset or empty for none.
    typed_token
        The token the reader typed, if any; compared in constant time.
    """
    if identity_provider:
        if logged_in:
            return WriteAccess(True, "you are signed in", "login")
        return WriteAccess(False, "sign in to add, correct or delete events", "login")
    if edit_token:
        if not typed_token:
            return WriteAccess(
                False, "give the edit token to add, correct or delete events", "token"
            )
        if hmac.compare_digest(typed_token.encode(), edit_token.encode()):
            return WriteAccess(True, "you gave the edit token", "token")
        return WriteAccess(False, "that is not the edit token set for this app", "token")
    if served_locally(served_address):
        return WriteAccess(True, "the app is served on this machine only")
    return WriteAccess(
        False,
        "the app is served beyond this machine and no sign-in is set up (an [auth] section "
        "in .streamlit/secrets.toml, or STRIKEMAP_EDIT_TOKEN)",
    )
