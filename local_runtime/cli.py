"""`python -m local_runtime serve | invoke NAME | handlers` (what `make run` and `make scrape` call)."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

from chalice.app import Chalice

from chalicelib import logs
from chalicelib.config import Settings
from chalicelib.storage.embedded import EmbeddedStorage
from chalicelib.storage.factory import embedded_storage
from local_runtime import demo
from local_runtime.discovery import Handlers, discover
from local_runtime.invoker import Outcome
from local_runtime.runtime import Runtime

log = logging.getLogger("local_runtime")

DRAIN_TIMEOUT = 600.0
_WAKE_SECONDS = 0.25  # how soon a stop signal handed to another thread is acted on


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m local_runtime", description=__doc__)
    parser.add_argument("--project-dir", type=Path, default=Path.cwd())
    parser.add_argument("--stage", default="local")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="the HTTP API and every event handler")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    serve.add_argument("--no-reload", action="store_true", help="do not restart on code changes")
    invoke = commands.add_parser("invoke", help="run a scheduled handler now")
    invoke.add_argument("name")
    commands.add_parser("handlers", help="list the event handlers the app registers")
    args = parser.parse_args(argv)
    _configure_logging()
    if args.command == "serve":
        if args.no_reload:
            return serve_forever(args.project_dir, args.stage, args.host, args.port)
        return _serve_with_reload(args)
    if args.command == "invoke":
        return invoke_now(args.project_dir, args.stage, args.name)
    app, _config, _settings, _storage = load(args.project_dir, args.stage)
    for line in _describe(discover(app)):
        print(line)
    return 0


def _configure_logging() -> None:
    logs.configure()
    logging.getLogger("watchfiles").setLevel(logging.WARNING)  # a line per file change is noise


class ShellFirst(MutableMapping[str, str]):
    """os.environ, where the stage's variables only fill in what the shell left unset.

    Chalice writes a stage's variables over the environment; locally the
    shell should win (`PORT=...`, `SAMPLE_SHOP_PORT=...`), as twelve-factor
    apps read their environment.
    """

    def __getitem__(self, name: str) -> str:
        return os.environ[name]

    def __setitem__(self, name: str, value: str) -> None:
        os.environ.setdefault(name, value)

    def __delitem__(self, name: str) -> None:
        del os.environ[name]

    def __iter__(self) -> Iterator[str]:
        return iter(os.environ)

    def __len__(self) -> int:
        return len(os.environ)


def load(project_dir: Path, stage: str) -> tuple[Chalice, Any, Settings, EmbeddedStorage]:
    """Load app.py with the stage's environment under the shell's, as `chalice local` would."""
    from chalice.cli.factory import CLIFactory

    factory = CLIFactory(str(project_dir.resolve()), environ=ShellFirst())
    config = factory.create_config_obj(chalice_stage_name=stage)
    app = config.chalice_app
    settings = Settings.from_env()
    if settings.backend != "embedded":
        raise SystemExit(
            f"stage {stage!r} uses STOREKEEPER_BACKEND={settings.backend}; "
            "the local runtime runs on embedded storage"
        )
    storage = embedded_storage(settings)
    demo.ensure_admin_token(storage)
    demo.allow_sample_shop()
    settings = Settings.from_env()  # again: the token and the allowlist may have been set
    return app, config, settings, storage


def serve_forever(project_dir: Path, stage: str, host: str, port: int) -> int:
    from chalice.local import create_local_server

    _configure_logging()  # again: with reloading, this runs in a new process
    _exit_with_parent()
    app, config, settings, storage = load(project_dir, stage)
    with storage.exclusive("runtime") as held:
        if not held:
            print(f"another local runtime is already serving {settings.data_path}", file=sys.stderr)
            return 1
        try:
            http = create_local_server(app, config, host, port)
        except OSError as error:
            print(f"cannot listen on {host}:{port}: {error.strerror}", file=sys.stderr)
            return 1
        runtime = Runtime(
            app, storage=storage, region=settings.region, stage=stage, http_server=http,
            timeouts=_timeouts(app, config, stage),
        )  # fmt: skip
        signal.signal(signal.SIGTERM, _raise_interrupt)
        with demo.running(settings) as shop:
            try:  # a Ctrl-C as soon as the server answers, before the wait, stops it too
                runtime.start()
                _banner(f"http://{host}:{port}", settings, shop)
                _wait_for_a_stop_signal()
            except KeyboardInterrupt:
                pass
            finally:
                for stop_signal in (signal.SIGINT, signal.SIGTERM):  # a second Ctrl-C must not
                    signal.signal(stop_signal, signal.SIG_IGN)  # cut the clean shutdown short
                runtime.stop()
    return 0


def _wait_for_a_stop_signal() -> None:
    """Until Ctrl-C or SIGTERM raises KeyboardInterrupt. Not `signal.pause()`: the kernel
    may hand the signal to any thread, and only one handed to the main thread ends a
    pause; waking now and then lets the main thread run the handler whichever got it."""
    while True:
        time.sleep(_WAKE_SECONDS)


def _banner(url: str, settings: Settings, shop: str | None) -> None:
    lines = [
        f"storekeeper on {url}  (data in {settings.data_path}; Ctrl-C stops)",
        f"  prices page:  {url}/prices  (in a browser; JSON otherwise)",
        f"  admin token:  {settings.admin_token or '(none)'}",
    ]
    if shop:
        lines.append(f"  sample shop:  {shop}  (`make scrape` checks its prices now)")
    print("\n".join(lines), flush=True)


def invoke_now(project_dir: Path, stage: str, name: str) -> int:
    """Fire a schedule; with no runtime up, also deliver the events it causes."""
    app, _config, settings, storage = load(project_dir, stage)
    runtime = Runtime(
        app, storage=storage, region=settings.region, stage=stage,
        timeouts=_timeouts(app, _config, stage),
    )  # fmt: skip
    with storage.exclusive("runtime") as held:
        if not held:
            outcome = _fire(runtime, name)
            print("the running `make run` delivers what this queued")
            return 0 if outcome and outcome.ok else 1
        with demo.running(settings):  # no runtime is up: this process delivers the events
            runtime.start(schedules=False)
            outcome = _fire(runtime, name)
            finished = runtime.wait_until_idle(DRAIN_TIMEOUT)
            runtime.stop()
    if not finished:
        print("stopped waiting; the rest is delivered by the next `make run`", file=sys.stderr)
    return 0 if outcome and outcome.ok else 1


def _fire(runtime: Runtime, name: str) -> Outcome | None:
    try:
        return runtime.fire_schedule(name)
    except KeyError as error:
        print(error.args[0], file=sys.stderr)
        return None


def _timeouts(app: Chalice, config: Any, stage: str) -> dict[str, int]:
    """Each event handler's Lambda timeout, as the stage would deploy it."""
    handlers = discover(app)
    names = [s.name for s in handlers.s3] + [q.name for q in handlers.queues]
    names += [s.name for s in handlers.schedules]
    return {name: int(config.scope(stage, name).lambda_timeout or 60) for name in names}


def _exit_with_parent() -> None:
    """A server outlives no parent: when the one that started it is gone (a reloader
    killed with SIGKILL, a closed terminal), stop as if told to, freeing the port."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os.kill(os.getpid(), signal.SIGTERM)
                return
            threading.Event().wait(0.5)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _serve_with_reload(args: argparse.Namespace) -> int:
    import watchfiles

    project = args.project_dir.resolve()
    problem = _cannot_serve(project, args.stage, args.host, args.port)
    if problem:  # say so now, rather than leave a reloader waiting on a server that quit
        print(problem, file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, _raise_interrupt)  # stop the server too, as Ctrl-C does
    watched = [
        project / "app.py",
        project / "chalicelib",
        project / "local_runtime",
        project / ".chalice",
    ]
    watchfiles.run_process(
        *[path for path in watched if path.exists()],
        target=serve_forever,
        args=(project, args.stage, args.host, args.port),
        watch_filter=watchfiles.DefaultFilter(),
        callback=lambda changes: log.info("code changed; restarting"),
        sigint_timeout=6,
    )
    return 0


def _cannot_serve(project: Path, stage: str, host: str, port: int) -> str | None:
    """Why a server could not start here now: the data directory or the port is taken."""
    _app, _config, settings, storage = load(project, stage)
    with storage.exclusive("runtime") as free:
        if not free:
            return f"another local runtime is already serving {settings.data_path}"
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            probe.bind((host, port))
        except OSError as error:
            return f"cannot listen on {host}:{port}: {error.strerror}"
    return None


def _raise_interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _describe(handlers: Handlers) -> Iterator[str]:
    for s3 in handlers.s3:
        yield f"s3        {s3.name}: {s3.bucket}/{s3.prefix}*{s3.suffix} {', '.join(s3.events)}"
    for queue in handlers.queues:
        yield f"sqs       {queue.name}: {queue.queue} (batch {queue.batch_size})"
    for schedule in handlers.schedules:
        yield f"schedule  {schedule.name}: {schedule.expression}"
