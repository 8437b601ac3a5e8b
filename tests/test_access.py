"""Who may write to the store from the app (issue 11, item 7).

Served on this machine only, the Add article page writes as before. Served beyond it, the
page is read-only until the reader signs in: with the edit token from the environment, or
with the identity provider of ``[auth]`` in Streamlit's secrets.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import streamlit.user_info
from streamlit import config as streamlit_config
from streamlit.testing.v1 import AppTest

from dashboard.access import served_locally, write_access
from dashboard.store import Store
from tests.test_app import page, paste_article, ran, seed

TOKEN = "correct horse battery staple"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "not a real secret",
    "client_id": "strikemap",
    "client_secret": "not a real secret either",
    "server_metadata_url": "https://id.example.org/.well-known/openid-configuration",
}


@pytest.fixture
def served_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app as ``streamlit run`` serves it on every interface (``--server.address
    0.0.0.0``), with no edit token in the environment."""
    monkeypatch.delenv("STRIKEMAP_EDIT_TOKEN", raising=False)
    before = streamlit_config.get_option("server.address")
    streamlit_config.set_option("server.address", "0.0.0.0")
    yield
    streamlit_config.set_option("server.address", before)


@pytest.fixture
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "store.sqlite"
    monkeypatch.setenv("STRIKEMAP_STORE", str(path))
    return path


def read_only_lines(at: AppTest) -> list[str]:
    return [m.value for m in [*at.info, *at.error] if m.value.startswith("Read-only")]


def can_add(at: AppTest) -> bool:
    return any(area.key == "article_text" for area in at.text_area)


def give_token(at: AppTest, token: str) -> AppTest:
    at.text_input("edit_token").input(token)
    at.button("edit_token_sign_in").click()
    return ran(at)


def stored_events(path: Path) -> int:
    with Store(path) as store:
        return len(store.events())


@pytest.mark.parametrize("address", ["localhost", "127.0.0.1", "::1", "[::1]", "127.0.1.1"])
def test_loopback_addresses_are_this_machine_only(address: str) -> None:
    assert served_locally(address)


@pytest.mark.parametrize("address", [None, "", "0.0.0.0", "::", "192.168.1.20", "example.org"])
def test_other_addresses_reach_beyond_this_machine(address: str | None) -> None:
    assert not served_locally(address)


def test_the_edit_token_is_compared_whole() -> None:
    def allowed(typed: str | None) -> bool:
        return write_access(
            served_address="0.0.0.0",
            identity_provider=False,
            logged_in=False,
            edit_token=TOKEN,
            typed_token=typed,
        ).allowed

    assert allowed(TOKEN)
    assert not allowed(None)
    assert not allowed("")
    assert not allowed(TOKEN[:-1])
    assert not allowed(TOKEN + " ")


def test_a_set_up_sign_in_is_asked_on_this_machine_too() -> None:
    """Behind a proxy on the same machine, the app sees only local requests."""
    access = write_access(
        served_address="localhost",
        identity_provider=False,
        logged_in=False,
        edit_token=TOKEN,
        typed_token=None,
    )
    assert not access.allowed and access.sign_in == "token"


def test_served_on_this_machine_an_article_can_be_added(store_path: Path) -> None:
    at = ran(page("add_article"))
    assert read_only_lines(at) == []
    paste_article(at, seed("000"), "Business Insider", date(2024, 11, 6), "https://example.org/bi")
    at.button("save_article").click()
    ran(at)
    assert stored_events(store_path) == 1


def test_served_to_the_network_without_a_sign_in_the_page_is_read_only(
    served_on: None, store_path: Path
) -> None:
    at = ran(page("add_article"))
    assert read_only_lines(at) == [
        "Read-only: the app is served beyond this machine and no sign-in is set up (an "
        "[auth] section in .streamlit/secrets.toml, or STRIKEMAP_EDIT_TOKEN)."
    ]
    assert not can_add(at)
    assert [b.key for b in at.button] == []


def test_the_edit_token_opens_the_page_and_a_wrong_one_does_not(
    served_on: None, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIKEMAP_EDIT_TOKEN", TOKEN)
    at = ran(page("add_article"))
    assert read_only_lines(at) == [
        "Read-only: give the edit token to add, correct or delete events."
    ]
    assert not can_add(at)

    give_token(at, "guess")
    assert read_only_lines(at) == ["Read-only: that is not the edit token set for this app."]
    assert not can_add(at)

    give_token(at, TOKEN)
    assert read_only_lines(at) == []
    assert "Signed in with the edit token." in [c.value for c in at.caption]
    paste_article(at, seed("000"), "Business Insider", date(2024, 11, 6), "https://example.org/bi")
    at.button("save_article").click()
    ran(at)
    assert stored_events(store_path) == 1

    at.button("sign_out").click()
    ran(at)
    assert not can_add(at)


def test_with_an_identity_provider_the_reader_signs_in_with_it(
    served_on: None, store_path: Path
) -> None:
    at = page("add_article")
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": False}
    ran(at)
    assert read_only_lines(at) == ["Read-only: sign in to add, correct or delete events."]
    assert [b.key for b in at.button] == ["sign_in"]
    assert not can_add(at)

    at.user = {"is_logged_in": True, "email": "analyst@example.org"}
    ran(at)
    assert read_only_lines(at) == []
    assert "Signed in as analyst@example.org." in [c.value for c in at.caption]
    assert can_add(at)


def test_signing_in_without_the_provider_helper_installed_is_one_error_line(
    served_on: None, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(streamlit.user_info, "is_authlib_installed", lambda: False)
    at = page("add_article")
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": False}
    ran(at)
    at.button("sign_in").click()
    ran(at)
    (error,) = [e.value for e in at.error]
    assert error.startswith("Sign-in is not set up right: ")
    assert "Authlib" in error
