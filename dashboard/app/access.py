"""The sign-in of the pages that write: add an article, correct or delete an event.

Each such page calls :func:`require_write_access` before drawing what writes (and
:func:`can_write` before each write): served beyond this machine with no sign-in, or
before the reader signs in, the page says it is read-only and why, and shows the sign-in
that is set up. The decision itself is :func:`dashboard.access.write_access`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAuthError

from dashboard.access import WriteAccess, write_access
from dashboard.app.common import core_errors
from dashboard.settings import get_settings

#: The token the reader gave, kept for the session once they press "Sign in".
GIVEN_TOKEN = "_edit_token_given"
TOKEN_INPUT = "edit_token"


def _auth_section() -> Mapping[str, Any] | None:
    """The ``[auth]`` section of Streamlit's secrets, if there is one."""
    if not st.secrets.load_if_toml_exists():
        return None
    section = st.secrets.get("auth")
    return section if isinstance(section, Mapping) and section else None


def _provider(section: Mapping[str, Any]) -> str | None:
    """The provider ``st.login`` is asked for: the one of ``[auth]`` itself, else the first
    of its named ones (``[auth.google]``)."""
    if "client_id" in section:
        return None
    return next((name for name, value in section.items() if isinstance(value, Mapping)), None)


def current_access() -> WriteAccess:
    """Whether this session may write, from how the app is served and who signed in."""
    section = _auth_section()
    with core_errors():
        edit_token = get_settings().edit_token
    return write_access(
        served_address=st.get_option("server.address"),
        identity_provider=section is not None,
        logged_in=section is not None and bool(st.user.get("is_logged_in", False)),
        edit_token=edit_token,
        typed_token=st.session_state.get(GIVEN_TOKEN),
    )


def can_write() -> bool:
    """Whether this session may add, correct or delete events now."""
    return current_access().allowed


def _give_token() -> None:
    st.session_state[GIVEN_TOKEN] = str(st.session_state.get(TOKEN_INPUT) or "").strip()
    st.session_state[TOKEN_INPUT] = ""


def _sign_out() -> None:
    st.session_state.pop(GIVEN_TOKEN, None)


def _sign_in(access: WriteAccess) -> None:
    if access.sign_in == "login":
        section = _auth_section() or {}
        if st.button("Sign in", key="sign_in", type="primary", icon=":material/login:"):
            try:
                st.login(_provider(section))
            except StreamlitAuthError as error:
                # Authlib missing, or an [auth] section that lacks a setting: one line.
                st.error(f"Sign-in is not set up right: {error}")
    elif access.sign_in == "token":
        with st.form("edit_token_form", border=False):
            st.text_input("Edit token", type="password", key=TOKEN_INPUT)
            st.form_submit_button(
                "Sign in", key="edit_token_sign_in", on_click=_give_token, type="primary"
            )


def require_write_access() -> bool:
    """On a page that writes: whether this session may write. When it may not, the page
    says it is read-only and why, with the sign-in that is set up; when a sign-in let it,
    a way to sign out."""
    access = current_access()
    if not access.allowed:
        if access.sign_in == "token" and st.session_state.get(GIVEN_TOKEN):
            st.error(f"Read-only: {access.reason}.")
        else:
            st.info(f"Read-only: {access.reason}.", icon=":material/lock:")
        _sign_in(access)
        return False
    if access.sign_in == "login":
        st.caption(f"Signed in as {st.user.get('email') or st.user.get('name') or 'you'}.")
        st.button("Sign out", key="sign_out", on_click=st.logout)
    elif access.sign_in == "token":
        st.caption("Signed in with the edit token.")
        st.button("Sign out", key="sign_out", on_click=_sign_out)
    return True
