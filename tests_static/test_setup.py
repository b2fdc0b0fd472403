"""The set-up script itself (setup/dvk), with no Odoo needed.

It works on a copy of the checkout placed in a private folder (mode 700), as
when root clones into its own home.  Where a command needs Odoo, a fake
``odoo`` package given with ODOO_PATH stands in for it: one that cannot be
imported (Odoo absent), or one that reports version 19 and whose
``python3 -m odoo`` installs nothing and serves until it gets a signal.
"""

import importlib.machinery
import importlib.util
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT

SCRIPT = ROOT / "setup" / "dvk"
NO_ODOO = "raise ModuleNotFoundError(\"No module named 'odoo'\", name='odoo')\n"
FAKE_RELEASE = "version_info = (19, 0, 0, 'final', 0, '')\n"
FAKE_MAIN = '''
"""Stands in for python3 -m odoo: installs succeed, the server waits."""
import signal
import sys
import time

if sys.argv[1:2] == ["shell"]:
    sys.stdin.read()
if "--stop-after-init" in sys.argv or sys.argv[1:2] == ["shell"]:
    sys.exit(0)


def stop(signum, _frame):
    print(f"fake odoo: stopped by signal {signum}", flush=True)
    sys.exit(0)


signal.signal(signal.SIGINT, stop)
signal.signal(signal.SIGTERM, stop)
print("fake odoo serving", flush=True)
for _i in range(600):
    time.sleep(0.1)
sys.exit(3)
'''
FAKE_ADDON_TEST = """
class TestSomething:
    def test_one(self):
        pass

    def test_two(self):
        pass
"""


def load_script(path):
    """Import a copy of setup/dvk (no .py extension) as a module."""
    loader = importlib.machinery.SourceFileLoader("dvk_setup_under_test", str(path))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env(odoo_tree, **extra):
    """The user's environment without PG*, DVK_PG_DIR or a path to Odoo."""
    drop = {"DVK_PG_DIR", "ODOO_PATH", "PYTHONPATH"}
    env = {
        k: v for k, v in os.environ.items() if k not in drop and not k.startswith("PG")
    }
    env["ODOO_PATH"] = str(odoo_tree)
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def sandbox():
    """A checkout copy under a mode-700 folder, and the two fake Odoo trees."""
    top = Path(tempfile.mkdtemp(prefix="dvk-setup-test-"))
    top.chmod(0o700)
    checkout = top / "checkout"
    (checkout / "setup").mkdir(parents=True)
    (checkout / ".ci").mkdir()
    shutil.copy2(SCRIPT, checkout / "setup" / "dvk")
    shutil.copy2(ROOT / "setup" / "bench", checkout / "setup" / "bench")
    shutil.copy2(ROOT / ".ci" / "run", checkout / ".ci" / "run")
    (checkout / "tests_static").mkdir()
    (checkout / "tests_static" / "test_ok.py").write_text("def test_ok():\n    pass\n")
    (checkout / "dvk_models" / "tests").mkdir(parents=True)
    (checkout / "dvk_models" / "tests" / "test_fake.py").write_text(FAKE_ADDON_TEST)
    absent = top / "no-odoo"
    (absent / "odoo").mkdir(parents=True)
    (absent / "odoo" / "__init__.py").write_text(NO_ODOO)
    fake = top / "fake-odoo"
    (fake / "odoo").mkdir(parents=True)
    (fake / "odoo" / "__init__.py").write_text("")
    (fake / "odoo" / "release.py").write_text(FAKE_RELEASE)
    (fake / "odoo" / "__main__.py").write_text(FAKE_MAIN)
    box = SimpleNamespace(top=top, checkout=checkout, absent=absent, fake=fake)
    yield box
    dvk(box, "stop", "--remove")
    shutil.rmtree(top, ignore_errors=True)


def dvk(box, *args, odoo="absent", timeout=90, **extra):
    tree = box.fake if odoo == "fake" else box.absent
    return subprocess.run(
        [sys.executable, str(box.checkout / "setup" / "dvk"), *args],
        cwd=box.checkout,
        env=clean_env(tree, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def assert_plain_failure(proc, *needles):
    """Exit 2, one or two ``[dvk]`` lines on stderr, no traceback anywhere."""
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output
    assert proc.returncode == 2, output
    lines = proc.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 2, proc.stderr
    assert all(line.startswith("[dvk] ") for line in lines), proc.stderr
    for needle in needles:
        assert needle in proc.stderr, proc.stderr


@pytest.fixture(scope="module")
def script(sandbox):
    """The sandbox's copy of the script, imported (its ROOT is the copy)."""
    return load_script(sandbox.checkout / "setup" / "dvk")


@pytest.fixture
def pg(sandbox, script, monkeypatch):
    """The sandbox's private cluster, started with ``dvk start``."""
    try:
        script.find_pg_bindir()
        if os.geteuid() == 0:
            pwd.getpwnam("postgres")
    except (script.Fail, KeyError):
        pytest.skip("PostgreSQL server programs (or the postgres account) absent")
    proc = dvk(sandbox, "start")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    for var in [v for v in os.environ if v.startswith("PG") or v == "DVK_PG_DIR"]:
        monkeypatch.delenv(var)
    return script.Postgres("private")


def test_cluster_created_and_started_under_private_folder(sandbox, pg):
    """Rule: from a checkout under a mode-700 folder, `start` creates and starts
    the private cluster where its server account can reach it (outside that
    folder when root), and a second `start` finds it running."""
    assert pg.running()
    assert pg._ping()[0]
    if os.geteuid() == 0:
        assert sandbox.top not in pg.dir.parents
        assert pg.datadir.stat().st_uid == pwd.getpwnam("postgres").pw_uid
    else:
        assert pg.dir == sandbox.checkout / ".dvk" / "pg"
    again = dvk(sandbox, "start")
    assert again.returncode == 0, again.stderr
    assert "already running" in again.stdout
    assert "setup/dvk stop" in again.stdout


def test_two_checkouts_never_share_a_cluster(script, monkeypatch):
    """Rule: as root, the cluster folder is named after the checkout and a hash
    of its absolute path, so two checkouts of the same name never share one;
    as another user it is .dvk/pg inside the checkout."""
    monkeypatch.delenv("DVK_PG_DIR", raising=False)
    one = script.private_pg_dir(Path("/srv/a/dvk"), euid=0)
    two = script.private_pg_dir(Path("/srv/b/dvk"), euid=0)
    assert one != two
    assert one.name.startswith("dvk-") and two.name.startswith("dvk-")
    assert one.parent == two.parent
    user = script.private_pg_dir(Path("/home/me/dvk"), euid=1000)
    assert user == Path("/home/me/dvk/.dvk/pg")


def test_missing_odoo_is_two_plain_lines(sandbox):
    """Rule: `run` without Odoo 19 says so and how to give it, in two [dvk]
    lines, and exits 2 without a traceback."""
    proc = dvk(sandbox, "run", "--port", str(free_port()))
    assert_plain_failure(proc, "Odoo 19.0 Community is needed", "--odoo-path")


def test_bench_without_odoo_is_two_plain_lines(sandbox):
    """Rule: the benchmark finds Odoo as `dvk` does (it uses that script):
    without Odoo 19 it says so in two [dvk] lines and exits 2, before it
    touches PostgreSQL."""
    proc = subprocess.run(
        [sys.executable, str(sandbox.checkout / "setup" / "bench")],
        cwd=sandbox.checkout,
        env=clean_env(sandbox.absent),
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert_plain_failure(proc, "Odoo 19.0 Community is needed", "--odoo-path")


def test_port_in_use_is_plain(sandbox):
    """Rule: `run` on a port another program listens on says which port and how
    to choose another, and exits 2 without a traceback."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = dvk(sandbox, "run", "--port", str(port), odoo="fake")
    assert_plain_failure(proc, f"port {port}", "in use", "--port")


def test_missing_postgres_programs_is_plain(sandbox, script, monkeypatch, capsys):
    """Rule: without PostgreSQL's server programs, `start` says they are missing
    and what to install (or --pg system), and exits 2 without a traceback."""
    empty = sandbox.top / "empty-bin"
    empty.mkdir(exist_ok=True)
    monkeypatch.setattr(script, "PG_BIN_CANDIDATES", [])
    monkeypatch.setenv("PATH", str(empty))
    handlers = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        code = script.main(["start", "--pg", "private"])
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    err = capsys.readouterr().err
    proc = subprocess.CompletedProcess([], code, "", err)
    assert_plain_failure(proc, "initdb, pg_ctl", "--pg system")


def test_folder_the_server_account_cannot_use_is_plain(sandbox, pg):
    """Rule: a cluster folder the database account cannot create or write
    (DVK_PG_DIR under a locked folder) is named with what to do, exit 2."""
    locked = sandbox.top / "locked"
    locked.mkdir(exist_ok=True)
    locked.chmod(0o500)
    target = locked / "pg"
    proc = dvk(sandbox, "start", DVK_PG_DIR=str(target))
    assert_plain_failure(proc, "cannot use the folder", str(target), "DVK_PG_DIR")


def test_database_not_created_by_us_is_neither_used_nor_dropped(sandbox, pg):
    """Rule: a database that exists and was not created by the script is not
    served and not dropped, even with --reset: two [dvk] lines, exit 2."""
    pg.sql('CREATE DATABASE "made_elsewhere"')
    for extra in ([], ["--reset"]):
        proc = dvk(
            sandbox,
            "run",
            "--db",
            "made_elsewhere",
            "--port",
            str(free_port()),
            *extra,
            odoo="fake",
        )
        assert_plain_failure(proc, "'made_elsewhere'", "not created by this script")
        assert "keeps running" in proc.stdout  # it was running before `run`
    assert pg.db_exists("made_elsewhere")


def run_until_served(box, port, signum):
    """Start `run` with the fake Odoo, wait until it serves, send ``signum``."""
    proc = subprocess.Popen(
        [sys.executable, str(box.checkout / "setup" / "dvk"), "run"]
        + ["--db", "demo", "--port", str(port)],
        cwd=box.checkout,
        env=clean_env(box.fake),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines, served = [], threading.Event()

    def read():
        for line in proc.stdout:
            lines.append(line)
            if "fake odoo serving" in line:
                served.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert served.wait(60), "".join(lines)
        time.sleep(0.2)  # let it reach its wait for the child
        proc.send_signal(signum)
        code = proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    reader.join(10)
    return code, "".join(lines)


@pytest.mark.parametrize(
    "signum, running_before",
    [(signal.SIGINT, False), (signal.SIGTERM, True)],
    ids=["ctrl-c, stops the server it started", "sigterm, keeps the one it found"],
)
def test_run_ends_cleanly_on_signal(sandbox, pg, signum, running_before):
    """Rule: when `run` ends on Ctrl-C or a signal, Odoo is stopped, and so is
    the PostgreSQL the command started; one it found running keeps running,
    with the command that stops it said."""
    if not running_before:
        assert dvk(sandbox, "stop").returncode == 0
        assert not pg.running()
    code, output = run_until_served(sandbox, free_port(), signum)
    assert "Traceback" not in output, output
    assert code == 0, output
    assert "fake odoo: stopped by signal" in output, output
    assert "Ctrl-C stops" in output, output
    assert all(f"  {login} " in output for login in ("admin", "dvk_vl_approver"))
    if running_before:
        assert "keeps running" in output and "setup/dvk stop" in output, output
        assert pg.running()
    else:
        assert "stopping the private PostgreSQL this command started" in output
        assert not pg.running()
        assert dvk(sandbox, "start").returncode == 0  # a later command finds it
    assert "demo" in pg.sql("SELECT datname FROM pg_database").split()


def test_test_command_without_odoo_passes_and_counts(sandbox):
    """Rule: `test` without Odoo runs the static checks, says how many Odoo
    tests it could not run, ends with the summary line and exits 0."""
    proc = dvk(sandbox, "test")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[-2] == "Odoo tests not run because Odoo is absent: 2"
    assert lines[-1] == "1 passed, 0 failed, 0 skipped"


def test_ci_fails_without_odoo(sandbox):
    """Rule: .ci/run fails, saying why in one line, when python3 cannot import
    Odoo 19 (CI is never green without the platform)."""
    proc = subprocess.run(
        ["bash", str(sandbox.checkout / ".ci" / "run")],
        env=clean_env(sandbox.absent),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode != 0
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Odoo 19 is not importable" in lines[0], proc.stderr


def test_demo_logins_match_the_readme():
    """Rule: `run` lists every demo login the README names, in the README's
    order, each with a role, and its password is the login."""
    text = (ROOT / "README.md").read_text()
    start = text.index("Demo logins (password = login)")
    paragraph = text[start : text.index("\n\n", start)]
    named = re.findall(r"`([a-z][a-z0-9_]*)`", paragraph)
    logins = load_script(SCRIPT).DEMO_LOGINS
    assert [login for login, _password, _role in logins] == named
    assert len(named) == len(set(named)) == 27
    for login, password, role in logins:
        assert password == login and role.strip(), login
