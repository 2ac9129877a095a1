"""`bv-planner ui` (start the web planner) and `bv-planner user` (local accounts)."""

from __future__ import annotations

import argparse
import getpass
import os
import signal
import subprocess
import sys
from pathlib import Path

from planner.cli.argtypes import PORT, output_dir
from planner.cli.common import lang_arg
from planner.texts import t

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "ui" / "server.py"  # ui/app.py behind the security front (planner.web.front)
DEMO_USERS = (("demo", "coordinator"), ("demo-viewer", "viewer"), ("demo-auditor", "auditor"))
DEMO_PASSWORD = "demo"
DEMO_MARK = "DEMO account"
"""Display names of demo accounts start with this, so the web planner's user lists show them as such."""
DATA_HELP = "data folder with the SQLite database (none: ./data or $BV_DATA_DIR)"


def _data_env(data_dir: str | None) -> dict[str, str]:
    from planner.store import DATA_DIR_ENV
    from planner.store import data_dir as resolve

    env = dict(os.environ)
    env[DATA_DIR_ENV] = str(resolve(data_dir))
    return env


def port_problem(port: int, address: str, lang: str = "nl") -> str | None:
    """Why the web planner cannot listen on address:port (the whole error line), before anything is
    prepared or printed."""
    import socket

    try:
        with socket.socket(socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((address, port))
    except OSError as exc:
        return t("ui.port_busy", lang, port=port, address=address, why=exc.strerror or exc,
                 other=port + 1 if port < 65535 else 8600)
    return None


def create_demo_accounts(store, actor: str) -> None:
    from planner.web import auth

    for name, role in DEMO_USERS:
        user = store.get_user(name)
        if user is None or not user.active:
            auth.add_user(store, name, DEMO_PASSWORD, [role], display_name=f"{DEMO_MARK} ({role})", actor=actor,
                          policy=False)  # the well-known demo password is the point of a demo account


def disable_demo_accounts(store, actor: str) -> list[str]:
    """Demo accounts (the names of DEMO_USERS with password 'demo') left active by an earlier `--demo`
    run: disable them, with an audit row each, and return their names."""
    from planner.web.auth import verify_password

    disabled = []
    for name, _role in DEMO_USERS:
        user = store.get_user(name)
        if user is None or not user.active or not verify_password(DEMO_PASSWORD, user.password_hash):
            continue
        store.put_user(user.username, user.password_hash, user.roles, user.display_name, actor, active=False)
        store.audit(actor, "user.demo_disabled", "user", name, before="active=True", after="active=False",
                    result="started without --demo")
        disabled.append(name)
    return disabled


def streamlit_command(port: int, address: str) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
            "--server.port", str(port), "--server.address", address, "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", "--server.enableStaticServing", "true"]


def start_ui(port: int = 8501, data_dir: str | None = None, demo: bool = False, address: str = "127.0.0.1",
             plan: str | Path | None = None, lang: str = "nl") -> int:
    """Prepare the data folder (demo scenario on an empty database, with `plan` as its first version
    if given; demo accounts if asked) and run Streamlit in a subprocess until it stops."""
    from planner.store import DATA_DIR_ENV, Store, database_url
    from planner.web import Planner

    problem = port_problem(port, address, lang)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    env = _data_env(data_dir)
    os.environ[DATA_DIR_ENV] = env[DATA_DIR_ENV]
    store = Store(database_url())
    try:
        created = Planner(store).ensure_demo("bv-planner ui", plan)
        if created is not None:
            print(t("ui.demo_loaded", lang, id=created))
        if demo:
            create_demo_accounts(store, "bv-planner ui --demo")
            print(t("ui.demo_accounts", lang, accounts=", ".join(f"{n} ({r})" for n, r in DEMO_USERS)))
        else:
            disabled = disable_demo_accounts(store, "bv-planner ui")
            if disabled:
                print(t("ui.demo_disabled", lang, names=", ".join(disabled)), file=sys.stderr)
        if not demo and not any(u.active for u in store.list_users()):
            print(t("ui.no_users", lang))
    finally:
        store.dispose()
    where = "$BV_DATABASE_URL" if os.environ.get("BV_DATABASE_URL") else env[DATA_DIR_ENV]
    print(t("ui.data", lang, where=where))
    print(t("ui.running", lang, address=address, port=port), flush=True)
    proc = subprocess.Popen(streamlit_command(port, address), env=env, cwd=str(ROOT))

    def stop(_signum, _frame) -> None:  # a stopped `bv-planner ui` must not leave the server behind
        proc.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        proc.wait(timeout=15)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)


def cmd_ui(args) -> int:
    return start_ui(port=args.port, data_dir=args.data_dir, demo=args.demo, address=args.address, lang=args.lang)


def _read_password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        from models import InputError

        raise InputError("password", [("", "the two passwords differ")])
    return first


def cmd_user(args) -> int:
    from planner.store import Store, database_url
    from planner.store.engine import DATA_DIR_ENV, DATABASE_URL_ENV, DB_FILENAME
    from planner.web import auth

    folder = Path(args.data_dir or os.environ.get(DATA_DIR_ENV) or "data").expanduser().resolve()
    if not os.environ.get(DATABASE_URL_ENV) and not (folder / DB_FILENAME).is_file():
        if args.user_command == "add":
            pass  # adding the first user creates the database
        elif args.user_command == "list":
            print(f"No users: {folder} holds no planner database yet (nothing was created). "
                  "Add one with `bv-planner user add NAME --role coordinator`, or start with `bv-planner ui --demo`.")
            return 0
        else:
            print(f"error: no user {args.username}: {folder} holds no planner database", file=sys.stderr)
            return 2
    os.environ.update({"BV_DATA_DIR": _data_env(args.data_dir)["BV_DATA_DIR"]})
    store = Store(database_url())
    try:
        if args.user_command == "add":
            password = None if args.oidc else _read_password(args)
            try:
                auth.add_user(store, args.username, password, args.role, args.name or "", actor="cli")
            except auth.AuthError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
            print(f"User {args.username} saved with role(s) {', '.join(args.role)}.")
        elif args.user_command == "list":
            users = store.list_users()
            if not users:
                print("No users in this data folder yet.")
            for user in users:
                kind = "local" if user.password_hash else "oidc"
                demo = "  (demo account)" if (user.display_name or "").startswith(DEMO_MARK) else ""
                print(f"{user.username:30s} {','.join(user.roles):30s} {kind:6s} "
                      f"{'active' if user.active else 'disabled'}{demo}")
        elif args.user_command == "disable":
            found = store.get_user(args.username)
            if found is None:
                print(f"error: no user {args.username}", file=sys.stderr)
                return 2
            store.put_user(found.username, found.password_hash, found.roles, found.display_name, "cli", active=False)
            print(f"User {args.username} disabled.")
        elif args.user_command == "totp":
            if args.off:
                store.set_totp_secret(args.username, None, "cli")
                print(f"Second factor of {args.username} removed.")
                return 0
            try:
                uri = auth.enable_totp(store, args.username, actor="cli")
            except auth.AuthError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
            print(f"Second factor set up for {args.username}. Add this to the authenticator app (QR or by hand):")
            print(uri)
        return 0
    finally:
        store.dispose()


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `ui` and `user` subcommands to the bv-planner parser."""
    from planner.web.auth import ROLES

    p = sub.add_parser("ui", help="start the web planner (Streamlit)")
    p.add_argument("--port", type=PORT, default=8501, help="port of the web planner")
    p.add_argument("--address", default="127.0.0.1", help="listen address")
    p.add_argument("--data-dir", type=output_dir,
                   help="data folder with the SQLite database (none: ./data or $BV_DATA_DIR)")
    p.add_argument("--demo", action="store_true",
                   help="create demo accounts demo / demo-viewer / demo-auditor with password 'demo'")
    lang_arg(p)
    p.set_defaults(func=cmd_ui)

    p = sub.add_parser("user", help="manage local users of the web planner")
    users = p.add_subparsers(dest="user_command", required=True)
    add = users.add_parser("add", help="create or update a user (asks for the password)")
    add.add_argument("username", help="user name (for --oidc the e-mail address)")
    add.add_argument("--role", action="append", choices=ROLES, required=True, help="repeat for several roles")
    add.add_argument("--name", help="display name")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.add_argument("--oidc", action="store_true", help="no password: signs in through OIDC (username = e-mail)")
    add.add_argument("--data-dir", type=output_dir, help=DATA_HELP)
    lst = users.add_parser("list", help="list users")
    lst.add_argument("--data-dir", help=DATA_HELP)
    dis = users.add_parser("disable", help="disable a user")
    dis.add_argument("username", help="user name")
    dis.add_argument("--data-dir", help=DATA_HELP)
    totp = users.add_parser("totp", help="set up (or --off: remove) a TOTP second factor for a coordinator")
    totp.add_argument("username", help="user name")
    totp.add_argument("--off", action="store_true", help="remove the second factor")
    totp.add_argument("--data-dir", help=DATA_HELP)
    p.set_defaults(func=cmd_user)
