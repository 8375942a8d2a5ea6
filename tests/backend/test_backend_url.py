"""Database URL parsing and password resolution."""
from __future__ import annotations

import pytest

from backend import BackendError, test_connection
from backend.url import DEFAULT_URL, parse_url, resolve_password


def test_default_sqlite_url_is_relative_to_the_working_directory():
    url = parse_url(DEFAULT_URL)
    assert (url.kind, url.path) == ("sqlite", "data/attendance.db")
    assert parse_url("sqlite:////var/lib/face/a.db").path == "/var/lib/face/a.db"
    assert parse_url("sqlite:///数据/考勤.db").path == "数据/考勤.db"


def test_mysql_url_parts():
    url = parse_url("mysql://face_app@db.example.org:3307/face_attendance")
    assert (url.kind, url.user, url.host, url.port, url.database) == \
        ("mysql", "face_app", "db.example.org", 3307, "face_attendance")
    assert url.password is None
    assert parse_url("mysql://u@h/db").port == 3306


@pytest.mark.parametrize("bad, words", [
    ("", "empty"),
    ("postgres://u@h/db", "unsupported"),
    ("mysql://h:3306/db", "no user"),
    ("mysql://u@:3306/db", "no host"),
    ("mysql://u@h:3306/", "database name"),
    ("mysql://u@h:99999/db", "invalid"),
    ("mysql://u@h/db?ssl=1", "not supported"),
    ("sqlite://data/a.db", "three slashes"),
    ("sqlite:///", "no file path"),
])
def test_invalid_urls_say_what_is_wrong(bad, words):
    with pytest.raises(BackendError, match=words):
        parse_url(bad)


def test_password_order_argument_then_environment_then_url(monkeypatch):
    url = parse_url("mysql://u:from%40url@h/db")
    monkeypatch.delenv("FACE_DB_PASSWORD", raising=False)
    assert resolve_password(url) == "from@url"
    monkeypatch.setenv("FACE_DB_PASSWORD", "from-env")
    assert resolve_password(url) == "from-env"
    assert resolve_password(url, "from-config") == "from-config"


def test_password_never_appears_in_messages():
    url = parse_url("mysql://u:s3cret@h/db")
    assert "s3cret" not in url.redacted() and "s3cret" not in repr(url)
    with pytest.raises(BackendError) as err:
        parse_url("mysql://u:s3cret@h/db?x=1")
    assert "s3cret" not in str(err.value)
    ok, message = test_connection("mysql://u:s3cret@127.0.0.1:1/db")
    assert not ok and "s3cret" not in message and "cannot connect" in message


def test_test_connection_on_sqlite(tmp_path):
    ok, message = test_connection(f"sqlite:///{tmp_path}/new.db")
    assert ok and "will be created" in message
    assert not (tmp_path / "new.db").exists()
    (tmp_path / "junk.db").write_bytes(b"this is not a database" * 100)
    ok, message = test_connection(f"sqlite:///{tmp_path}/junk.db")
    assert not ok and "not a usable" in message
    ok, message = test_connection("ftp://x")
    assert not ok and "unsupported" in message
