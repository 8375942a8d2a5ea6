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


# Issue 12 item 1: the password must never reach a message or a log, whatever it contains.
# Each password is "Xq7<c>Zk9": neither half may appear, so a redaction that stops at the special
# character (leaking "Zk9") fails as well as one that misses the password entirely.
SPECIAL = ["/", "?", "#", "@", ":", "%", "%2F", " ", "[", "]", "&", "=", "+", ";", "\\", "'", '"', "!",
           "$", ",", "~", "*", "(", ")", "密", "é", "@h:1/x?y#z", "//", "\t"]


def _leaks(text: str) -> bool:
    return "Xq7" in text or "Zk9" in text


@pytest.mark.parametrize("special", SPECIAL)
def test_a_password_with_any_url_special_character_is_parsed_and_never_shown(special):
    password = f"Xq7{special}Zk9"
    url = parse_url(f"mysql://face_app:{password}@db.example.org:3307/face_db")
    expected = password.replace("%2F", "/")              # percent escapes are decoded, as in any URL
    assert (url.user, url.password, url.host, url.port, url.database) == \
        ("face_app", expected, "db.example.org", 3307, "face_db")
    assert not _leaks(url.redacted()) and not _leaks(repr(url))


@pytest.mark.parametrize("special", SPECIAL)
@pytest.mark.parametrize("template", [
    "mysql://face_app:{pw}@db.example.org:99999/face_db",     # port out of range
    "mysql://face_app:{pw}@db.example.org:33o6/face_db",      # port not a number
    "mysql://face_app:{pw}@db.example.org/face_db?ssl=1",     # options
    "mysql://face_app:{pw}@db.example.org/face_db#x",
    "mysql://face_app:{pw}@db.example.org/",                  # no database
    "mysql://face_app:{pw}@/face_db",                         # no host
    "mysql://:{pw}@db.example.org/face_db",                   # no user
    "mysql://face_app:{pw}@[::1/face_db",                     # broken IPv6 host
    "postgres://face_app:{pw}@db.example.org/face_db",        # another scheme
    "sqlite://face_app:{pw}@db.example.org/face.db",          # two slashes
    "mysql:face_app:{pw}@db.example.org/face_db",             # no slashes
])
def test_invalid_urls_with_a_password_never_show_it(template, special):
    with pytest.raises(BackendError) as err:
        parse_url(template.format(pw=f"Xq7{special}Zk9"))
    assert not _leaks(str(err.value)), str(err.value)


@pytest.mark.parametrize("special", ["/", "?", "#", "@", "%", " ", "密"])
def test_the_log_file_of_a_run_never_holds_the_password(tmp_path, special, monkeypatch):
    """What the desk writes to data/logs/attendance.log while it starts against an unreachable
    server (the warning of open_backend) and when a URL is refused (what the GUI logs)."""
    import logging

    from backend import open_backend

    monkeypatch.delenv("FACE_DB_PASSWORD", raising=False)
    log_file = tmp_path / "attendance.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    log = logging.getLogger("test.startup")
    password = f"Xq7{special}Zk9"
    try:
        backend = open_backend(f"mysql://face_app:{password}@127.0.0.1:1/face_db",
                               outbox_path=tmp_path / "outbox.db")
        try:
            log.info("backend %r: %s", backend, backend.status().message)
            assert not backend.status().online
        finally:
            backend.close()
        for bad in (f"mysql://face_app:{password}@127.0.0.1:99999/face_db",
                    f"mysql://face_app:{password}@127.0.0.1:1/face_db?ssl=1"):
            with pytest.raises(BackendError) as err:
                open_backend(bad, outbox_path=tmp_path / "outbox.db")
            log.error("cannot open the database: %s", err.value)
            ok, message = test_connection(bad)
            log.error("test connection: %s %s", ok, message)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
    text = log_file.read_text(encoding="utf-8")
    assert "cannot connect" in text and "cannot open the database" in text
    assert not _leaks(text), text
